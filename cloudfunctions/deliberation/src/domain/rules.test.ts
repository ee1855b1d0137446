import { adjustRunning, checkChoices, isValid, meets, MORE_THAN_HALF, outcome, passedOptions, tally } from './rules'

describe('validity and passing fractions (more than half, configurable)', () => {
  test.each([
    // participants, eligible, valid?
    [5, 10, false], // exactly half: not more than half
    [6, 10, true],
    [4, 7, true], // 4/7 > 1/2
    [3, 7, false],
    [0, 0, false],
    [1, 1, true]
  ])('%i of %i eligible take part → valid %s', (part, base, valid) => {
    expect(isValid(part, base)).toBe(valid)
  })
  test('at-least rules and other fractions', () => {
    expect(meets(5, 10, { num: 1, den: 2, strict: false })).toBe(true)
    expect(meets(4, 10, { num: 1, den: 2, strict: false })).toBe(false)
    expect(meets(2, 3, { num: 2, den: 3, strict: false })).toBe(true)
    expect(meets(2, 3, { num: 2, den: 3, strict: true })).toBe(false)
  })
  test('passing at exactly half of participants fails; one more passes', () => {
    expect(passedOptions('approve', [5, 5, 0], 10, true)).toEqual([])
    expect(passedOptions('approve', [6, 4, 0], 10, true)).toEqual([0])
    // 反对 never "passes" an approve vote
    expect(passedOptions('approve', [1, 9, 0], 10, true)).toEqual([])
    expect(passedOptions('single', [2, 3, 5], 10, true)).toEqual([])
    expect(passedOptions('multiple', [6, 3, 8], 10, true)).toEqual([0, 2])
    expect(passedOptions('approve', [6, 0, 0], 6, false)).toEqual([])
    expect(passedOptions('approve', [5, 5, 0], 10, true, { num: 1, den: 2, strict: false })).toEqual([0])
  })
})

describe('choices', () => {
  test('sorted, in range, not repeated, not more than allowed', () => {
    expect(checkChoices([2, 0], 3, 2)).toEqual([0, 2])
    expect(() => checkChoices([0, 0], 3, 2)).toThrow('选项不能重复')
    expect(() => checkChoices([3], 3, 1)).toThrow('选项不存在')
    expect(() => checkChoices([-1], 3, 1)).toThrow('选项不存在')
    expect(() => checkChoices([0, 1], 3, 1)).toThrow('最多可选1项')
  })
})

describe('tally, running count, recount', () => {
  test('a changed ballot moves its count', () => {
    let running = [0, 0, 0]
    running = adjustRunning(running, null, [0])
    running = adjustRunning(running, [0], [1, 2])
    expect(running).toEqual([0, 1, 1])
  })
  test('the recount is the result; a disagreeing running count is a mismatch', () => {
    const ballots = [{ choices: [0] }, { choices: [0] }, { choices: [1] }]
    expect(tally(ballots, 3)).toEqual([2, 1, 0])
    const vote = { kind: 'approve' as const, options: [], eligible: 5, validity: MORE_THAN_HALF, passing: MORE_THAN_HALF }
    expect(outcome({ ...vote, running: [2, 1, 0] }, ballots)).toEqual({
      tally: [2, 1, 0],
      participants: 3,
      valid: true,
      passed: [0],
      mismatch: false
    })
    expect(outcome({ ...vote, running: [3, 1, 0] }, ballots).mismatch).toBe(true)
    // 3 of 6 eligible: exactly half → not valid → nothing passes
    expect(outcome({ ...vote, eligible: 6, running: [2, 1, 0] }, ballots)).toMatchObject({ valid: false, passed: [] })
  })
})
