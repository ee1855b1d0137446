export default definePageConfig({ navigationBarTitleText: '联系方式查看记录', enablePullDownRefresh: true })
