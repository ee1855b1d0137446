import { foldForCheck, hasLoneSurrogate, normalizeText } from './text'

describe('the normal form of typed text (issue 13, finding 13)', () => {
  test('full-width and styled digits and letters become ASCII', () => {
    expect(normalizeText('１３８１２３４５６７８')).toBe('13812345678')
    expect(normalizeText('𝟏𝟑𝟖 ｗｘ')).toBe('138 wx')
  })

  test('zero-width and bidi characters are removed', () => {
    expect(normalizeText('138\u200B1234\u200D5678')).toBe('13812345678')
    expect(normalizeText('\u202E张桂英\u202C')).toBe('张桂英')
    expect(normalizeText('\u2066王\u2069\u200F\uFEFF芳\u00AD')).toBe('王芳')
  })

  test('Chinese full-width punctuation and ￥ stay as typed', () => {
    expect(normalizeText('想要书包，谢谢！（急）价格：￥50～60')).toBe('想要书包，谢谢！（急）价格：￥50～60')
    expect(normalizeText('ＡＢ，１２')).toBe('AB，12')
  })

  test('lone surrogates are found; pairs are not', () => {
    expect(hasLoneSurrogate('\uD800')).toBe(true)
    expect(hasLoneSurrogate('x\uDFFFy')).toBe(true)
    expect(hasLoneSurrogate('😀👨‍👩‍👧')).toBe(false)
  })

  test('the checked form drops the separators people put inside numbers', () => {
    expect(foldForCheck('（１３８）－１２３４・5678')).toBe('13812345678')
    expect(foldForCheck('138.1234.5678')).toBe('13812345678')
  })
})
