export default definePageConfig({ navigationBarTitleText: '随手拍办理', enablePullDownRefresh: true })
