export default definePageConfig({ navigationBarTitleText: '考勤与时长', enablePullDownRefresh: true })
