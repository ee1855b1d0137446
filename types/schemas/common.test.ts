import { id, location, mobile, text } from './common'

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

  test('mainland mobile numbers only', () => {
    expect(mobile().parse('138 1234 5678')).toBe('13812345678')
    expect(mobile().safeParse('12812345678').success).toBe(false)
    expect(mobile().safeParse('+8613812345678').success).toBe(false)
  })

  test('locations outside China are refused with a readable message', () => {
    expect(location.safeParse({ lat: 31.3, lng: 118.4 }).success).toBe(true)
    expect(location.safeParse({ lat: 48.85, lng: 2.35 }).error?.issues[0].message).toBe('位置不在服务范围内')
    expect(location.safeParse({ lat: Number.NaN, lng: 1 }).success).toBe(false)
  })
})
