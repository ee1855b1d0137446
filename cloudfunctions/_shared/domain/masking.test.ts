import { ID_CARD_PATTERN, PHONE_PATTERN, containsPhone, maskIdCard, maskName, maskPhone } from './masking'

describe('masking', () => {
  test('phone keeps the first three and last four digits', () => {
    expect(maskPhone('13812345678')).toBe('138****5678')
    expect(maskPhone('138 1234 5678')).toBe('138****5678')
    expect(maskPhone(null)).toBeNull()
    expect(PHONE_PATTERN.test(maskPhone('13812345678')!)).toBe(false)
  })

  test('name keeps the surname only', () => {
    expect(maskName('张三丰')).toBe('张**')
    expect(maskName('李四')).toBe('李*')
    expect(maskName('王')).toBe('*')
    expect(maskName('')).toBe('**')
  })

  test('ID card keeps four digits each side and no longer matches the ID pattern', () => {
    const masked = maskIdCard('11010119900101123X')!
    expect(masked).toBe('1101**********123X')
    expect(ID_CARD_PATTERN.test(masked)).toBe(false)
    expect(ID_CARD_PATTERN.test('11010119900101123X')).toBe(true)
  })
})

describe('containsPhone (issue 13, finding 13)', () => {
  test('finds a mobile number however it is written', () => {
    for (const t of [
      '电话13812345678',
      '电话１３８１２３４５６７８',
      '138\u200B1234\u200C5678',
      '\u202D138 1234 5678\u202C',
      '138.1234.5678'
    ])
      expect(containsPhone(t)).toBe(true)
    expect(containsPhone('共1381件，编号12345678')).toBe(false)
  })
})
