import { EJSON } from 'bson'
import { decodeEJSON, encodeEJSON } from './ejson'

describe('EJSON from the SDK', () => {
  const now = Date.parse('2026-11-22T08:00:00Z')

  test('canonical numbers, dates and regexes become plain JS values', () => {
    const text = EJSON.stringify({ n: 1, x: 1.5, l: 2 ** 40, d: new Date(5), r: /ab/i, nested: [{ d: new Date(7) }] }, { relaxed: false })
    const value = decodeEJSON(text, now) as Record<string, any>
    expect(value.n).toBe(1)
    expect(value.x).toBe(1.5)
    expect(value.l).toBe(2 ** 40)
    expect(value.d).toEqual(new Date(5))
    expect(value.r).toBeInstanceOf(RegExp)
    expect(value.r.test('xAB')).toBe(true)
    expect(value.nested[0].d).toEqual(new Date(7))
  })

  test('regex options JS does not have are dropped', () => {
    const value = decodeEJSON('{"r":{"$regularExpression":{"pattern":"a b","options":"ix"}}}', now) as { r: RegExp }
    expect(value.r.flags).toBe('i')
  })

  test('serverDate is the server’s now plus the offset', () => {
    const value = decodeEJSON(
      '{"at":{"$tcb_server_date":{"offset":{"$numberInt":"1000"}}},"q":{"$lt":{"$tcb_server_date":{"offset":0}}}}',
      now
    ) as Record<string, any>
    expect(value.at).toEqual(new Date(now + 1000))
    expect(value.q.$lt).toEqual(new Date(now))
  })

  test('GeoJSON points pass through unchanged', () => {
    const value = decodeEJSON(EJSON.stringify({ loc: { type: 'Point', coordinates: [118.1, 31.2] } }, { relaxed: false }), now)
    expect(value).toEqual({ loc: { type: 'Point', coordinates: [118.1, 31.2] } })
  })

  test('out: relaxed EJSON that parses back to the same values', () => {
    const doc = { _id: 'a', d: new Date('2026-01-02T03:04:05.678Z'), r: /x/m, n: 2.5, arr: [1, 'two'], none: null }
    const text = encodeEJSON(doc)
    expect(JSON.parse(text).n).toBe(2.5)
    expect(decodeEJSON(text)).toEqual(doc)
    // What the SDK's EJSON.parse gives function code: Dates as Dates, regexes as BSONRegExp.
    const seen = EJSON.parse(text) as Record<string, any>
    expect(seen.d).toEqual(doc.d)
    expect(seen.r).toMatchObject({ pattern: 'x', options: 'm' })
  })

  test('malformed text throws', () => {
    expect(() => decodeEJSON('{"a":', now)).toThrow()
  })
})
