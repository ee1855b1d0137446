// The wording of the volunteer service-record certificate (志愿服务记录证明), shared by the page and the
// picture drawn for saving, and the line wrapping used when drawing it. Pure.
import type { Certificate } from '@contract/schemas/volunteer'
import dayjs from 'dayjs'
import 'dayjs/locale/zh-cn'
import { formatHours } from './format'

export interface CertificateText {
  title: string
  opening: string
  items: string[]
  closing: string
  issuer: string
  date: string
  number: string
  verifyHint: string
}

const day = (iso: string) => dayjs(iso).format('YYYY年M月D日')

export function certificateText(c: Certificate): CertificateText {
  const who = `${c.realName}（${c.idCardMasked ? `身份证号 ${c.idCardMasked}，` : ''}志愿者编号 ${c.volunteerNo}）`
  const span = c.from && c.to ? `于${day(c.from)}至${day(c.to)}期间` : ''
  return {
    title: '志愿服务记录证明',
    opening: `兹证明${who}${span}参加志愿服务${c.activityCount}次，累计服务时长${formatHours(c.totalHours)}。服务记录如下：`,
    items: c.items.map((i) => `${day(i.start)}\u3000${i.title}（${i.organiser}）\u3000${formatHours(i.hours)}`),
    closing: c.items.length < c.activityCount ? `（以上为最近${c.items.length}次，其余从略）特此证明。` : '特此证明。',
    issuer: c.issuer,
    date: day(c.issuedAt),
    number: `证明编号：${c.number}`,
    verifyHint: '可在邻里通小程序“核验一份证明”中输入编号查验'
  }
}

/** Breaks `text` into lines no wider than `maxWidth` by the given measure (canvas measureText). */
export function wrapText(text: string, maxWidth: number, measure: (s: string) => number): string[] {
  const lines: string[] = []
  let line = ''
  for (const ch of [...text]) {
    if (line && measure(line + ch) > maxWidth) {
      lines.push(line)
      line = ch
    } else line += ch
  }
  if (line) lines.push(line)
  return lines
}
