export default definePageConfig({ navigationBarTitleText: '表格批量导入' })
