export default definePageConfig({ navigationBarTitleText: '党员考评', enablePullDownRefresh: true })
