export default definePageConfig({ navigationBarTitleText: '报到党员', enablePullDownRefresh: true })
