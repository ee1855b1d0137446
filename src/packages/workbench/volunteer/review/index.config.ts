export default definePageConfig({ navigationBarTitleText: '志愿者注册审核', enablePullDownRefresh: true })
