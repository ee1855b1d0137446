// The category tree, asked once per app run (it changes rarely; a failure is asked again next time).
import type { ReportCategoryView } from '@contract/schemas/report'
import { call } from '@/services/cloud'

let cached: Promise<{ items: ReportCategoryView[] }> | null = null

export const loadCategories = (): Promise<{ items: ReportCategoryView[] }> =>
  (cached ??= call('report', 'categories', {}).catch((e) => {
    cached = null
    throw e
  }))

/** Tests only. */
export const forgetCategories = (): void => {
  cached = null
}
