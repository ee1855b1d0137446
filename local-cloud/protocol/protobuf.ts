// Just enough protobuf wire format for wx.openApi: varints and length-delimited fields.

export type Fields = Map<number, Array<number | Buffer>>

function readVarint(buf: Buffer, pos: number): [number, number] {
  let value = 0
  let shift = 0
  for (;;) {
    if (pos >= buf.length) throw new Error('truncated varint')
    const byte = buf[pos++]
    value += (byte & 0x7f) * 2 ** shift
    if (byte < 0x80) return [value, pos]
    shift += 7
    if (shift > 63) throw new Error('varint too long')
  }
}

export function decodeMessage(buf: Buffer): Fields {
  const fields: Fields = new Map()
  let pos = 0
  while (pos < buf.length) {
    const [tag, afterTag] = readVarint(buf, pos)
    const field = Math.floor(tag / 8)
    const wireType = tag & 7
    let value: number | Buffer
    if (wireType === 0) [value, pos] = readVarint(buf, afterTag)
    else if (wireType === 2) {
      const [length, start] = readVarint(buf, afterTag)
      if (start + length > buf.length) throw new Error('truncated field')
      value = buf.subarray(start, start + length)
      pos = start + length
    } else if (wireType === 1) {
      value = buf.subarray(afterTag, afterTag + 8)
      pos = afterTag + 8
    } else if (wireType === 5) {
      value = buf.subarray(afterTag, afterTag + 4)
      pos = afterTag + 4
    } else throw new Error(`unsupported wire type ${wireType}`)
    const list = fields.get(field) ?? []
    list.push(value)
    fields.set(field, list)
  }
  return fields
}

export const fieldsOf = (fields: Fields, n: number) => fields.get(n) ?? []

export function fieldBytes(fields: Fields, n: number): Buffer {
  const v = fieldsOf(fields, n)[0]
  return Buffer.isBuffer(v) ? v : Buffer.alloc(0)
}

export const fieldString = (fields: Fields, n: number) => fieldBytes(fields, n).toString('utf8')

function varint(n: number): Buffer {
  const bytes: number[] = []
  while (n >= 0x80) {
    bytes.push((n % 0x80) | 0x80)
    n = Math.floor(n / 0x80)
  }
  bytes.push(n)
  return Buffer.from(bytes)
}

/** Encodes [field, value] pairs: numbers as varints, strings and buffers length-delimited. */
export function encodeMessage(pairs: Array<[number, number | string | Buffer]>): Buffer {
  const chunks: Buffer[] = []
  for (const [field, value] of pairs) {
    if (typeof value === 'number') chunks.push(varint(field * 8), varint(value))
    else {
      const bytes = Buffer.isBuffer(value) ? value : Buffer.from(value, 'utf8')
      chunks.push(varint(field * 8 + 2), varint(bytes.length), bytes)
    }
  }
  return Buffer.concat(chunks)
}
