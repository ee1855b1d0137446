import { escapeRegExp } from './regex'

describe('escapeRegExp', () => {
  it('makes every pattern character literal', () => {
    const typed = 'C++ (1.5) [a]{2}^$|\\*?'
    expect(new RegExp(`^${escapeRegExp(typed)}$`).test(typed)).toBe(true)
    expect(new RegExp(escapeRegExp('a.c')).test('abc')).toBe(false)
  })
})
