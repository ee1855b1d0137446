export default definePageConfig({ navigationBarTitleText: '设施覆盖率', enablePullDownRefresh: true })
