import { z } from 'zod'
import { calendarDay, chineseErrorMap, dateTime, id, location, mobile, period, text } from './common'

describe('common schemas', () => {
  test('ids refuse operator objects and path tricks', () => {
    expect(id().safeParse('cm01').success).toBe(true)
    expect(id().safeParse({ $gt: '' }).success).toBe(false)
    expect(id().safeParse('../x').success).toBe(false)
    expect(id().safeParse('').success).toBe(false)
  })

  test('text trims, counts characters and refuses control characters', () => {
    const title = text('标题', { max: 5 })
    expect(title.parse('  你好  ')).toBe('你好')
    expect(title.safeParse('一二三四五六').error?.issues[0].message).toBe('标题不能超过5个字')
    expect(title.safeParse('   ').error?.issues[0].message).toBe('请填写标题')
    expect(title.safeParse('a\u0000b').success).toBe(false)
    expect(title.parse('😀😀😀😀😀')).toHaveLength(10) // five code points pass
  })

  test('text is normalised before any check; a lone surrogate is refused (issue 13, finding 13)', () => {
    const story = text('故事', { max: 50 })
    expect(story.parse(' 电话１３８\u200B１２３４\u202E５６７８ ')).toBe('电话13812345678')
    expect(story.parse('谢谢！（急）')).toBe('谢谢！（急）')
    expect(story.safeParse('x\uD800y').error?.issues[0].message).toBe('故事包含无效字符')
    expect(story.safeParse('\uDFFF').success).toBe(false)
    expect(text('标题', { max: 2 }).safeParse('\u200B\u200B\u200B你好').success).toBe(true)
    expect(mobile().parse('１３８－１２３４－５６７８')).toBe('13812345678')
  })

  test('mainland mobile numbers only', () => {
    expect(mobile().parse('138 1234 5678')).toBe('13812345678')
    expect(mobile().safeParse('12812345678').success).toBe(false)
    expect(mobile().safeParse('+8613812345678').success).toBe(false)
  })

  test('dateTime refuses epoch milliseconds no Date can hold (found by test/hardening/fuzz)', () => {
    expect(dateTime().safeParse(8.64e15 + 1).success).toBe(false)
    expect(dateTime().safeParse(1e20).success).toBe(false)
  })

  test('dates and periods outside 2000–2099 are refused (issue 13, finding 9)', () => {
    for (const bad of [8.64e15, 1, '0000-01-01T00:00:00Z', '1970-01-01T00:00:00Z', '9999-12-31T23:59:59Z', '2100-01-02T00:00:00Z'])
      expect(dateTime('开始时间').safeParse(bad).error?.issues[0].message).toMatch(/^开始时间(超出可选范围|格式不正确)/)
    expect(dateTime().safeParse('2026-03-01T08:00:00+08:00').success).toBe(true)
    expect(dateTime().safeParse(Date.UTC(2026, 2, 1)).success).toBe(true)
    for (const bad of ['0000', '0001-03', '1999', '2100', '9999', '9999H2'])
      expect(period.safeParse(bad).error?.issues[0].message).toMatch(/^统计周期超出可选范围/)
    for (const good of ['2000', '2026H2', '2099-12']) expect(period.safeParse(good).success).toBe(true)
    for (const bad of ['0000-01-01', '9999-12-31', '2026-02-30', '2026-13-01']) expect(calendarDay().safeParse(bad).success).toBe(false)
    expect(calendarDay().parse('2028-02-29')).toBe('2028-02-29')
  })

  test('chineseErrorMap keeps the schema’s Chinese messages and replaces zod’s English defaults (found by test/hardening/fuzz)', () => {
    const schema = z.object({ location, name: text('姓名'), count: z.number().max(3) })
    const messages = (data: unknown) => schema.safeParse(data, { errorMap: chineseErrorMap }).error?.issues.map((i) => i.message)
    expect(messages('x')).toEqual(['提交的内容格式不正确'])
    expect(messages({ location: { lat: 31.3 }, name: '张三', count: 9 })).toEqual(['缺少经度', '填写的内容太多或数值太大'])
    expect(messages({ location: { lat: 91, lng: 118 }, name: 7, count: 1 })).toEqual([
      '纬度应在-90到90之间，请在地图上重新选点',
      '位置不在服务范围内',
      '姓名格式不正确'
    ])
  })

  test('locations outside China are refused with a readable message', () => {
    expect(location.safeParse({ lat: 31.3, lng: 118.4 }).success).toBe(true)
    expect(location.safeParse({ lat: 48.85, lng: 2.35 }).error?.issues[0].message).toBe('位置不在服务范围内')
    expect(location.safeParse({ lat: Number.NaN, lng: 1 }).success).toBe(false)
    // Issue 19, defect 26: latitude 200 used to read "填写的内容太多或数值太大".
    expect(location.safeParse({ lat: 200, lng: 118.4 }).error?.issues[0].message).toBe('纬度应在-90到90之间，请在地图上重新选点')
  })
})
