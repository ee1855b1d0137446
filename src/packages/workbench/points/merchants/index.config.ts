export default definePageConfig({ navigationBarTitleText: '商家审核', enablePullDownRefresh: true })
