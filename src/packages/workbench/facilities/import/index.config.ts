export default definePageConfig({ navigationBarTitleText: 'CSV批量导入' })
