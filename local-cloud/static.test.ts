import { cacheControlOf, IMMUTABLE, negotiateEncoding, REVALIDATE } from './static'

describe('negotiateEncoding', () => {
  test.each([
    ['gzip, deflate, br', 'br'],
    ['br;q=0.1, gzip', 'br'],
    ['gzip', 'gzip'],
    ['gzip, br;q=0', 'gzip'],
    ['GZIP', 'gzip'],
    ['*', 'br'],
    ['*, br;q=0', 'gzip'],
    ['identity', undefined],
    ['deflate', undefined],
    ['gzip;q=0', undefined],
    ['', undefined],
    [undefined, undefined]
  ])('%s → %s', (header, expected) => {
    expect(negotiateEncoding(header)).toBe(expected)
  })
})

describe('cacheControlOf', () => {
  test.each([
    ['/site/js/app.1a2b3c4d.js', IMMUTABLE],
    ['/site/css/app.13d13e44767ef17cd437.css', IMMUTABLE],
    ['/site/js/1025.dac9a2a1.js', IMMUTABLE],
    ['/site/index.html', REVALIDATE],
    ['/site/js/app.js', REVALIDATE],
    ['/site/assets/logo.png', REVALIDATE],
    ['/site/js/cafe.js', REVALIDATE]
  ])('%s → %s', (file, expected) => {
    expect(cacheControlOf(file)).toBe(expected)
  })
})
