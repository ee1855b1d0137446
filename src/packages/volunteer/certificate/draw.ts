// Draws the certificate on a 2d canvas (weapp) so it can be saved to the album as a picture.
import { wrapText, type CertificateText } from '../certificate'

export const CANVAS_WIDTH = 750
const MARGIN = 60
const RED = '#c8102e'

interface Ctx2d {
  fillStyle: string
  strokeStyle: string
  lineWidth: number
  font: string
  textAlign: string
  fillRect(x: number, y: number, w: number, h: number): void
  strokeRect(x: number, y: number, w: number, h: number): void
  fillText(text: string, x: number, y: number): void
  measureText(text: string): { width: number }
}

interface Block {
  text: string
  size: number
  color?: string
  align?: 'left' | 'center' | 'right'
  bold?: boolean
  gapBefore?: number
}

const blocksOf = (t: CertificateText): Block[] => [
  { text: t.title, size: 44, color: RED, align: 'center', bold: true },
  { text: t.opening, size: 28, gapBefore: 36 },
  ...t.items.map((text) => ({ text, size: 24, color: '#333333', gapBefore: 8 })),
  { text: t.closing, size: 28, gapBefore: 24 },
  { text: t.issuer, size: 28, align: 'right' as const, gapBefore: 48, bold: true },
  { text: t.date, size: 26, align: 'right' as const, gapBefore: 8 },
  { text: t.number, size: 22, color: '#555555', gapBefore: 40 },
  { text: t.verifyHint, size: 20, color: '#777777', gapBefore: 4 }
]

/** Lays out and (when `draw`) paints the certificate; answers the height it needs. */
export function paintCertificate(ctx: Ctx2d, t: CertificateText, draw: boolean): number {
  const width = CANVAS_WIDTH - 2 * MARGIN
  let y = MARGIN + 20
  const lines: Array<{ block: Block; text: string; y: number }> = []
  for (const block of blocksOf(t)) {
    ctx.font = `${block.bold ? 'bold ' : ''}${block.size}px sans-serif`
    y += block.gapBefore ?? 0
    for (const text of wrapText(block.text, width, (s) => ctx.measureText(s).width)) {
      y += block.size * 1.5
      lines.push({ block, text, y })
    }
  }
  const height = y + MARGIN
  if (!draw) return height
  ctx.fillStyle = '#ffffff'
  ctx.fillRect(0, 0, CANVAS_WIDTH, height)
  ctx.strokeStyle = RED
  ctx.lineWidth = 6
  ctx.strokeRect(20, 20, CANVAS_WIDTH - 40, height - 40)
  for (const { block, text, y: lineY } of lines) {
    ctx.font = `${block.bold ? 'bold ' : ''}${block.size}px sans-serif`
    ctx.fillStyle = block.color ?? '#1f1f1f'
    ctx.textAlign = block.align ?? 'left'
    const x = block.align === 'center' ? CANVAS_WIDTH / 2 : block.align === 'right' ? CANVAS_WIDTH - MARGIN : MARGIN
    ctx.fillText(text, x, lineY)
  }
  return height
}
