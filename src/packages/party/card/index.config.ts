export default definePageConfig({ navigationBarTitleText: '党员证' })
