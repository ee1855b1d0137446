import Papa from 'papaparse'
import { CSV_TEMPLATE, MAX_IMPORT_ROWS, parseFacilityCsv, rejectExisting } from './facilityCsv'
import { categoryByName, dedupeKeyOf } from './facility'

const HEADER = ['名称', '类别', '纬度', '经度', '地址', '电话', '营业时间', '节假日休息', '服务项目']
const csv = (...rows: string[][]) => Papa.unparse([HEADER, ...rows])
const row = (over: Partial<Record<string, string>> = {}) => {
  const base: Record<string, string> = {
    名称: '柳岸长者饭堂',
    类别: '社区食堂',
    纬度: '31.3321',
    经度: '118.3702',
    地址: '江城市镜湖区柳岸街8号',
    电话: '0553-2876543',
    营业时间: '每天 10:30-13:00,16:30-18:30',
    节假日休息: '否',
    服务项目: '老年助餐、送餐上门'
  }
  return HEADER.map((h) => over[h] ?? base[h])
}

describe('facility CSV import', () => {
  test('a good row becomes a facility row with its dedupe key', () => {
    const parsed = parseFacilityCsv(csv(row()))
    expect(parsed).toEqual({
      ok: true,
      total: 1,
      rejected: [],
      rows: [
        {
          line: 2,
          name: '柳岸长者饭堂',
          category: 'canteen',
          lat: 31.3321,
          lng: 118.3702,
          address: '江城市镜湖区柳岸街8号',
          phone: '0553-2876543',
          week: Array.from({ length: 7 }, () => ['10:30-13:00', '16:30-18:30']),
          holidaysClosed: false,
          services: ['老年助餐', '送餐上门'],
          dedupeKey: '柳岸长者饭堂@118.3702,31.3321'
        }
      ]
    })
  })

  test('bad rows are rejected with every reason, good rows around them are kept', () => {
    const parsed = parseFacilityCsv(
      csv(
        row({ 名称: '甲便利店', 类别: '便利店' }),
        row({ 名称: '无坐标药店', 类别: '药店', 纬度: '', 经度: '' }),
        row({ 名称: '海外诊所', 类别: '社区卫生服务站', 纬度: '48.8566', 经度: '2.3522' }),
        row({ 名称: '反了的菜场', 类别: '菜市场', 纬度: '118.37', 经度: '31.33' }),
        row({ 名称: '网吧', 类别: '网吧' }),
        row({ 名称: '甲便利店', 类别: '便利店' }),
        row({ 名称: '', 类别: '', 纬度: 'abc', 营业时间: '随时', 节假日休息: '也许' }),
        row({ 名称: '乙便利店', 类别: 'convenience', 营业时间: '每天 24小时', 节假日休息: '是' })
      )
    )
    if (!parsed.ok) throw new Error(parsed.error)
    expect(parsed.total).toBe(8)
    expect(parsed.rows.map((r) => [r.line, r.name, r.category, r.holidaysClosed])).toEqual([
      [2, '甲便利店', 'convenience', false],
      [9, '乙便利店', 'convenience', true]
    ])
    expect(parsed.rejected).toEqual([
      { line: 3, name: '无坐标药店', reasons: ['缺少经纬度'] },
      { line: 4, name: '海外诊所', reasons: ['坐标（48.8566, 2.3522）不在中国境内'] },
      { line: 5, name: '反了的菜场', reasons: ['经纬度可能填反了（纬度在前、经度在后）'] },
      { line: 6, name: '网吧', reasons: ['未知的设施类别“网吧”'] },
      { line: 7, name: '甲便利店', reasons: ['与第2行重复（同名且位置相同）'] },
      {
        line: 8,
        name: '',
        reasons: [
          '缺少名称',
          '缺少类别',
          '经纬度格式不正确，应为数字，如 31.3350',
          expect.stringContaining('无法识别'),
          '“节假日休息”请填写“是”或“否”'
        ]
      }
    ])
  })

  test('duplicates against the database', () => {
    const parsed = parseFacilityCsv(csv(row({ 名称: '甲便利店', 类别: '便利店' }), row()))
    if (!parsed.ok) throw new Error(parsed.error)
    const existing = new Map([[dedupeKeyOf('柳岸长者饭堂', 31.3321, 118.3702), '柳岸长者饭堂']])
    const checked = rejectExisting(parsed.rows, existing)
    expect(checked.rows.map((r) => r.name)).toEqual(['甲便利店'])
    expect(checked.rejected).toEqual([{ line: 3, name: '柳岸长者饭堂', reasons: ['与已有设施“柳岸长者饭堂”重复'] }])
  })

  test('headings in English, a BOM, blank lines and quoted commas', () => {
    const text = '\uFEFFname,category,lat,lng,hours\n\n"A, B 药房",pharmacy,31.33,118.37,"每天 08:00-12:00,13:00-22:00"\n'
    const parsed = parseFacilityCsv(text)
    expect(parsed).toMatchObject({ ok: true, total: 1, rejected: [], rows: [{ line: 3, name: 'A, B 药房', category: 'pharmacy' }] })
  })

  test('whole-file problems', () => {
    expect(parseFacilityCsv('')).toEqual({ ok: false, error: '文件是空的' })
    expect(parseFacilityCsv('名称,地址\n甲,乙')).toEqual({ ok: false, error: '缺少必需的列：类别、纬度、经度、营业时间（第一行应为列名）' })
    expect(parseFacilityCsv(HEADER.join(','))).toEqual({ ok: false, error: '文件中没有数据行' })
    const many = csv(...Array.from({ length: MAX_IMPORT_ROWS + 1 }, (_v, i) => row({ 名称: `店${i}` })))
    expect(parseFacilityCsv(many)).toEqual({ ok: false, error: `一次最多导入${MAX_IMPORT_ROWS}行，请拆分文件` })
  })

  test('the template imports cleanly', () => {
    expect(parseFacilityCsv(CSV_TEMPLATE)).toMatchObject({ ok: true, total: 1, rejected: [] })
  })

  test('categories by id or by any part of the Chinese name', () => {
    expect(categoryByName('日间照料中心')).toBe('elderCare')
    expect(categoryByName('养老服务站/日间照料中心')).toBe('elderCare')
    expect(categoryByName('红蜂驿站')).toBe('workerStation')
    expect(categoryByName('Canteen')).toBe('canteen')
    expect(categoryByName('网吧')).toBeNull()
  })
})
