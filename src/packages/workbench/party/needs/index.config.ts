export default definePageConfig({ navigationBarTitleText: '需求清单管理', enablePullDownRefresh: true })
