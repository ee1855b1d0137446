export default definePageConfig({ navigationBarTitleText: '附近的问题', enablePullDownRefresh: true })
