// Reading the 生活圈 list as a resident sees it: name, category, distance and walking minutes per row.
import type { Page } from 'playwright-core'
import { currentPage, eventually } from './app'

export interface ListedFacility {
  name: string
  category: string
  meters: number
  minutes: number
}

/** The distance and walk of every listed facility, once the list has rows. */
export async function listed(page: Page): Promise<ListedFacility[]> {
  const items = currentPage(page).locator('.life-circle-item')
  await items.first().waitFor()
  const rows = await items.evaluateAll((nodes) =>
    nodes.map((item) => ({
      name: item.querySelector('.life-circle-item__name')?.textContent ?? '',
      walk: item.querySelector('.life-circle-item__walk')?.textContent ?? '',
      meta: item.querySelector('.life-circle-item__meta')?.textContent ?? ''
    }))
  )
  return rows.map((r) => {
    const m = /^(\d+(?:\.\d)?)(米|公里)内? · 步行约(\d+)分钟$/.exec(r.walk)
    if (!m) throw new Error(`unexpected walk text "${r.walk}"`)
    return { name: r.name, category: r.meta.split(' · ')[0], meters: Number(m[1]) * (m[2] === '公里' ? 1000 : 1), minutes: Number(m[3]) }
  })
}

/** Waits until the list shows rows that pass `check` (the list refreshes after each tier or chip). */
export async function waitForList(page: Page, check: (rows: ListedFacility[]) => boolean): Promise<ListedFacility[]> {
  return eventually(async () => {
    const rows = await listed(page)
    if (!rows.length || !check(rows)) throw new Error(`the list never showed what was expected; last seen: ${JSON.stringify(rows)}`)
    return rows
  })
}
