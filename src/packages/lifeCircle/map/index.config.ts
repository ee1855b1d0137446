export default definePageConfig({ navigationBarTitleText: '查看地图' })
