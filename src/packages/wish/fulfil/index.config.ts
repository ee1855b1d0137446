export default definePageConfig({ navigationBarTitleText: '心愿已实现' })
