import fc from 'fast-check'
import { nestedDeeperThan, parseJsonWithin, TooDeep } from './json'

const nested = (depth: number, open = '{"a":', close = '}') => open.repeat(depth) + '1' + close.repeat(depth)

describe('nestedDeeperThan', () => {
  test('counts objects and arrays, mixed', () => {
    expect(nestedDeeperThan('1', 0)).toBe(false)
    expect(nestedDeeperThan('{}', 0)).toBe(true)
    expect(nestedDeeperThan('{}', 1)).toBe(false)
    expect(nestedDeeperThan(nested(64), 64)).toBe(false)
    expect(nestedDeeperThan(nested(65), 64)).toBe(true)
    expect(nestedDeeperThan(nested(65, '[', ']'), 64)).toBe(true)
    expect(nestedDeeperThan(nested(65, '[{"a":', '}]'), 129)).toBe(true)
    expect(nestedDeeperThan('[[1],[2],[3],[4]]', 2)).toBe(false)
  })

  test('brackets inside strings, escaped quotes and escaped backslashes do not count', () => {
    expect(nestedDeeperThan(JSON.stringify({ a: '{{{{[[[[' }), 1)).toBe(false)
    expect(nestedDeeperThan(JSON.stringify({ a: 'say "{{{{"' }), 1)).toBe(false)
    expect(nestedDeeperThan(JSON.stringify({ a: 'ends with \\', b: '[[[[' }), 1)).toBe(false)
    expect(nestedDeeperThan(JSON.stringify({ '{{{{': ['\\"[[[['] }), 2)).toBe(false)
  })

  test('agrees with the depth of any JSON value', () => {
    const depthOf = (v: unknown): number => (v !== null && typeof v === 'object' ? 1 + Math.max(0, ...Object.values(v).map(depthOf)) : 0)
    fc.assert(
      fc.property(fc.jsonValue({ maxDepth: 8 }), (value) => {
        const text = JSON.stringify(value)
        const depth = depthOf(value)
        expect(nestedDeeperThan(text, depth)).toBe(false)
        if (depth > 0) expect(nestedDeeperThan(text, depth - 1)).toBe(true)
      }),
      { seed: 13, numRuns: 300 }
    )
  })
})

test('parseJsonWithin refuses 10 000 levels before parsing, and parses what is within the limit', () => {
  expect(() => parseJsonWithin(nested(10_000), 64)).toThrow(TooDeep)
  expect(() => parseJsonWithin(nested(10_000), 64)).toThrow('JSON nested deeper than 64 levels')
  expect(parseJsonWithin('{"a":[1,{"b":2}]}', 3)).toEqual({ a: [1, { b: 2 }] })
  expect(() => parseJsonWithin('{"a":', 3)).toThrow(SyntaxError)
})
