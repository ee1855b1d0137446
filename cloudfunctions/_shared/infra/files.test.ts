import { isOwnFile, requireOwnFiles } from './files'

const mine = 'cloud://env/users/u-res/a.jpg'
const theirs = 'cloud://env/users/u-other/private.jpg'
const code = (run: () => void) => {
  try {
    run()
    return 'ok'
  } catch (e) {
    return (e as { code?: string }).code
  }
}

describe('the own-file rule (issue 13, finding 12)', () => {
  test('a file is one’s own only under users/<openid>/', () => {
    expect(isOwnFile(mine, 'u-res')).toBe(true)
    expect(isOwnFile(theirs, 'u-res')).toBe(false)
    expect(isOwnFile('cloud://env/users/u-res2/a.jpg', 'u-res')).toBe(false)
    expect(isOwnFile('cloud://env/uploads/a.jpg', 'u-res')).toBe(false)
    expect(isOwnFile('cloud://env/users/u-res/../u-other/a.jpg', 'u-res')).toBe(false)
    expect(isOwnFile(mine, '')).toBe(false)
  })

  test('own files and the record’s own files pass; anyone else’s is refused', () => {
    expect(code(() => requireOwnFiles([mine, null, undefined], 'u-res'))).toBe('ok')
    expect(code(() => requireOwnFiles([mine, theirs], 'u-res'))).toBe('INVALID_ARGUMENT')
    expect(code(() => requireOwnFiles([theirs], 'u-res', { kept: [theirs] }))).toBe('ok')
    expect(code(() => requireOwnFiles([theirs], 'u-res', { kept: [null, 'cloud://env/users/u-other/b.jpg'] }))).toBe('INVALID_ARGUMENT')
  })
})
