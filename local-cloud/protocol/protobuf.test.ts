import { decodeMessage, encodeMessage, fieldString, fieldsOf } from './protobuf'
import { decodeOpenApiData, parseMultipart } from './openapi'

describe('protobuf', () => {
  test('round-trips varints and length-delimited fields', () => {
    const buf = encodeMessage([
      [1, 300],
      [2, 'héllo'],
      [2, Buffer.from([1, 2, 3])]
    ])
    const fields = decodeMessage(buf)
    expect(fieldsOf(fields, 1)).toEqual([300])
    expect(fieldString(fields, 2)).toBe('héllo')
    expect(fieldsOf(fields, 2)[1]).toEqual(Buffer.from([1, 2, 3]))
  })

  test('reads the parameters of an openapi call (CommApiData)', () => {
    const pair = (key: string, value: unknown) =>
      encodeMessage([
        [1, key],
        [2, Buffer.from(JSON.stringify(value))]
      ])
    const openapiData = encodeMessage([
      [1, pair('touser', 'o1')],
      [1, pair('data', { thing1: { value: 'x' } })]
    ])
    const request = encodeMessage([
      [1, 0],
      [2, openapiData]
    ])
    expect(decodeOpenApiData(request)).toEqual({ touser: 'o1', data: { thing1: { value: 'x' } } })
  })

  test('truncated input throws', () => {
    expect(() => decodeMessage(Buffer.from([0x12, 0x05, 0x61]))).toThrow()
  })
})

describe('multipart', () => {
  test('splits the parts form-data writes', () => {
    const b = '----x'
    const body = Buffer.concat([
      Buffer.from(`--${b}\r\nContent-Disposition: form-data; name="action"\r\n\r\nwx.openApi\r\n`),
      Buffer.from(`--${b}\r\nContent-Disposition: form-data; name="requestData"\r\nContent-Type: application/octet-stream\r\n\r\n`),
      Buffer.from([0, 13, 10, 255]),
      Buffer.from(`\r\n--${b}--\r\n`)
    ])
    const parts = parseMultipart(body, `multipart/form-data; boundary=${b}`)
    expect(parts.map((p) => p.name)).toEqual(['action', 'requestData'])
    expect(parts[0].data.toString()).toBe('wx.openApi')
    expect(parts[1].data).toEqual(Buffer.from([0, 13, 10, 255]))
  })
})
