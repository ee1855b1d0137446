// The category tree as two rows of big chips: the group (市容环境, 消防安全 …), then the problem in it.
// A group that is itself reportable is chosen at once. Under the choice, the deadlines the community
// promises for it, as the server configured them.
import { Text, View } from '@tarojs/components'
import type { ReportCategoryView } from '@contract/schemas/report'
import { Chips } from '@/components/Chips'
import { REPORT_KIND_LABELS } from '@contract/schemas/report.labels'
import './index.css'

export interface CategoryPickerProps {
  categories: ReportCategoryView[]
  value: string | null
  onChange: (id: string) => void
}

/** "社区将在2小时内签收，10天内办结（投诉）". */
export function promiseOf(c: ReportCategoryView): string {
  return `社区将在${c.acceptHours}小时内签收，${c.handleDays}天内办结（${REPORT_KIND_LABELS[c.kind]}）`
}

export function CategoryPicker({ categories, value, onChange }: CategoryPickerProps) {
  const chosen = categories.find((c) => c.id === value) ?? null
  const roots = categories.filter((c) => !c.parentId || !categories.some((p) => p.id === c.parentId))
  const group = chosen ? (roots.find((r) => r.id === chosen.parentId) ?? chosen) : null
  const leaves = group ? categories.filter((c) => c.parentId === group.id && c.leaf) : []
  const pickGroup = (id: string) => {
    const root = roots.find((r) => r.id === id)
    if (!root) return
    const children = categories.filter((c) => c.parentId === root.id && c.leaf)
    // A group with one problem, or a reportable group, is the choice; otherwise the person picks below.
    if (root.leaf || children.length === 0) onChange(root.id)
    else if (children.length === 1) onChange(children[0].id)
    else onChange(root.id)
  }
  return (
    <View className="report-categories">
      <Chips label="问题大类" options={roots.map((r) => ({ value: r.id, label: r.name }))} value={group?.id ?? null} onChange={pickGroup} />
      {leaves.length > 0 && (
        <View className="report-categories__leaves">
          <Text className="report-categories__ask">具体是什么问题？</Text>
          <Chips
            label="具体问题"
            options={leaves.map((c) => ({ value: c.id, label: c.name }))}
            value={chosen?.leaf ? chosen.id : null}
            onChange={onChange}
          />
        </View>
      )}
      {chosen?.leaf && <Text className="report-categories__promise">{promiseOf(chosen)}</Text>}
    </View>
  )
}

/** The chosen id names a problem one can report (a leaf). */
export const isReportable = (categories: ReportCategoryView[], id: string | null): boolean =>
  Boolean(id && categories.find((c) => c.id === id)?.leaf)
