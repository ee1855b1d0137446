export default definePageConfig({ navigationBarTitleText: '个人报到' })
