// Pictures for the demo's goods, drawn at seed time: a small SVG tile per item (a soft colour, an emblem
// and the item's name), so the points supermarket shows photos without shipping image files.
import type { GoodsKind } from '../types/schemas/points'

const PALETTE = ['#f4d9c6', '#dcebd5', '#d6e4f2', '#f2e3b8', '#ead8ef', '#f6d5d5']

const EMBLEMS: Record<GoodsKind, string> = {
  // A parcel for things to take home, a hand with a heart for services.
  item: '<path d="M70 95 L120 70 L170 95 L170 155 L120 180 L70 155 Z" fill="#ffffff" stroke="#8a5a00" stroke-width="6" stroke-linejoin="round"/><path d="M70 95 L120 120 L170 95 M120 120 L120 180" fill="none" stroke="#8a5a00" stroke-width="6"/>',
  service:
    '<circle cx="120" cy="122" r="56" fill="#ffffff" stroke="#c8102e" stroke-width="6"/><path d="M120 148 C92 126 92 104 108 100 C116 98 120 104 120 108 C120 104 124 98 132 100 C148 104 148 126 120 148 Z" fill="#c8102e"/>'
}

const escapeXml = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;')

/** A 240×240 SVG for one item; `n` picks the background so neighbours differ. */
export function goodsPicture(name: string, kind: GoodsKind, n: number): Buffer {
  const svg =
    `<svg xmlns="http://www.w3.org/2000/svg" width="240" height="240" viewBox="0 0 240 240">` +
    `<rect width="240" height="240" fill="${PALETTE[n % PALETTE.length]}"/>` +
    EMBLEMS[kind] +
    `<text x="120" y="222" text-anchor="middle" font-size="22" font-family="sans-serif" fill="#1f1f1f">${escapeXml(name.slice(0, 9))}</text>` +
    `</svg>`
  return Buffer.from(svg, 'utf8')
}
