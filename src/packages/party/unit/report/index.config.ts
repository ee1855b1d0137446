export default definePageConfig({ navigationBarTitleText: '双重考评反馈', enablePullDownRefresh: true })
