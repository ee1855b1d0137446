// Draws the five tab-bar icons (81×81 PNG, grey and brand red) into src/assets/tab/.
// Run once with `npx tsx scripts/tab-icons.ts`; the PNGs are committed.
import { writeFileSync } from 'node:fs'
import path from 'node:path'
import { deflateSync } from 'node:zlib'

const SIZE = 81
const SAMPLES = 4 // supersampling per axis for smooth edges
const COLORS = { normal: [0x66, 0x66, 0x66], active: [0xc8, 0x10, 0x2e] } as const

type Shape = (x: number, y: number) => boolean // x, y in [-1, 1]

const ring =
  (r0: number, r1: number): Shape =>
  (x, y) => {
    const d = Math.hypot(x, y)
    return d >= r0 && d <= r1
  }
const disc =
  (cx: number, cy: number, r: number): Shape =>
  (x, y) =>
    Math.hypot(x - cx, y - cy) <= r
const union =
  (...shapes: Shape[]): Shape =>
  (x, y) =>
    shapes.some((s) => s(x, y))

function polygon(points: Array<[number, number]>): Shape {
  return (x, y) => {
    let inside = false
    for (let i = 0, j = points.length - 1; i < points.length; j = i++) {
      const [xi, yi] = points[i]
      const [xj, yj] = points[j]
      if (yi > y !== yj > y && x < ((xj - xi) * (y - yi)) / (yj - yi) + xi) inside = !inside
    }
    return inside
  }
}

const heart: Shape = (x, y) => {
  const X = x * 1.25
  const Y = -(y * 1.25) + 0.25
  return (X * X + Y * Y - 1) ** 3 - X * X * Y ** 3 <= 0
}

const star = polygon(
  Array.from({ length: 10 }, (_, i) => {
    const r = i % 2 === 0 ? 0.9 : 0.38
    const a = -Math.PI / 2 + (i * Math.PI) / 5
    return [r * Math.cos(a), r * Math.sin(a) + 0.05] as [number, number]
  })
)

const person = union(disc(0, -0.38, 0.34), (x, y) => y >= 0.12 && y <= 0.85 && (x / 0.72) ** 2 + ((y - 0.85) / 0.73) ** 2 <= 1)

/** A bell: a dome narrowing to the top, a rim, a clapper below and a knob above. */
const bell = union(
  (x, y) => y >= -0.55 && y <= 0.45 && Math.abs(x) <= 0.3 + 0.35 * ((y + 0.55) / 1.0) ** 0.6,
  (x, y) => y >= 0.42 && y <= 0.58 && Math.abs(x) <= 0.8,
  disc(0, 0.72, 0.16),
  disc(0, -0.66, 0.13)
)

const ICONS: Record<string, Shape> = {
  lifeCircle: union(ring(0.62, 0.82), disc(0, 0, 0.3)),
  wish: heart,
  volunteer: star,
  notices: bell,
  mine: person
}

function crc32(buf: Buffer): number {
  let c = ~0
  for (const byte of buf) {
    c ^= byte
    for (let k = 0; k < 8; k++) c = (c >>> 1) ^ (0xedb88320 & -(c & 1))
  }
  return ~c >>> 0
}

function chunk(type: string, data: Buffer): Buffer {
  const len = Buffer.alloc(4)
  len.writeUInt32BE(data.length)
  const body = Buffer.concat([Buffer.from(type, 'ascii'), data])
  const crc = Buffer.alloc(4)
  crc.writeUInt32BE(crc32(body))
  return Buffer.concat([len, body, crc])
}

function png(shape: Shape, rgb: readonly number[]): Buffer {
  const raw = Buffer.alloc(SIZE * (SIZE * 4 + 1))
  for (let py = 0; py < SIZE; py++) {
    raw[py * (SIZE * 4 + 1)] = 0
    for (let px = 0; px < SIZE; px++) {
      let hits = 0
      for (let sy = 0; sy < SAMPLES; sy++)
        for (let sx = 0; sx < SAMPLES; sx++) {
          const x = ((px + (sx + 0.5) / SAMPLES) / SIZE) * 2 - 1
          const y = ((py + (sy + 0.5) / SAMPLES) / SIZE) * 2 - 1
          if (shape(x * 1.1, y * 1.1)) hits++
        }
      const o = py * (SIZE * 4 + 1) + 1 + px * 4
      raw[o] = rgb[0]
      raw[o + 1] = rgb[1]
      raw[o + 2] = rgb[2]
      raw[o + 3] = Math.round((255 * hits) / (SAMPLES * SAMPLES))
    }
  }
  const header = Buffer.alloc(13)
  header.writeUInt32BE(SIZE, 0)
  header.writeUInt32BE(SIZE, 4)
  header[8] = 8 // bit depth
  header[9] = 6 // RGBA
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', header),
    chunk('IDAT', deflateSync(raw, { level: 9 })),
    chunk('IEND', Buffer.alloc(0))
  ])
}

const outDir = path.resolve(__dirname, '..', 'src', 'assets', 'tab')
for (const [name, shape] of Object.entries(ICONS)) {
  writeFileSync(path.join(outDir, `${name}.png`), png(shape, COLORS.normal))
  writeFileSync(path.join(outDir, `${name}-active.png`), png(shape, COLORS.active))
}
console.log(`tab icons written to ${outDir}`)
