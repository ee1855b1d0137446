// The facility CSV format (staff bulk import): the accepted headings per column and a template. No zod
// here, so the app can show the template without bundling the schemas.

/** Column key → accepted headings (Chinese or English, case-insensitive); the first is the one we write. */
export const FACILITY_CSV_COLUMNS = {
  name: ['名称', '设施名称', 'name'],
  category: ['类别', '设施类别', '分类', 'category'],
  lat: ['纬度', 'lat', 'latitude'],
  lng: ['经度', 'lng', 'lon', 'longitude'],
  address: ['地址', 'address'],
  phone: ['电话', '联系电话', 'phone'],
  hours: ['营业时间', '开放时间', 'hours'],
  holidaysClosed: ['节假日休息', 'holidaysclosed'],
  services: ['服务项目', '服务', 'services']
} as const

export type FacilityCsvColumn = keyof typeof FACILITY_CSV_COLUMNS

export const FACILITY_CSV_REQUIRED: readonly FacilityCsvColumn[] = ['name', 'category', 'lat', 'lng', 'hours']

/** A heading line and one example row (fields with commas quoted). */
export const FACILITY_CSV_TEMPLATE = [
  '名称,类别,纬度,经度,地址,电话,营业时间,节假日休息,服务项目',
  '青枫社区长者饭堂,老年助餐点/社区食堂,31.3351,118.3752,江城市镜湖区青枫路18号,0553-2123456,"每天 10:30-13:00,16:30-18:30",否,老年助餐、送餐上门'
].join('\n')
