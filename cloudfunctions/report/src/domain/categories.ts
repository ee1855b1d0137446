// The category tree a district starts with (docs/pillars/grid-reports.md "Categories"). It is data: the demo seed
// writes it to `reportCategories`, staff may change it there; a report keeps a snapshot of its category's rules.
import type { DepartmentKind, ReportKind } from '../../../../types/schemas/report.labels'
import type { ReportCategoryDoc } from '../docs'
import { DEFAULT_ACCEPT_HOURS, DEFAULT_HANDLE_DAYS } from './deadlines'

type Leaf = [id: string, name: string, kind: ReportKind, department: DepartmentKind | null, duplicateRadius: number, evidenceRadius: number]

const TREE: Array<{ id: string; name: string; leaves: Leaf[] }> = [
  {
    id: 'cityscape',
    name: '市容环境',
    leaves: [
      ['rubbish', '垃圾堆积', 'complain', 'urban', 100, 50],
      ['posters', '乱贴小广告', 'complain', 'urban', 80, 50],
      ['stall', '占道经营', 'tipoff', 'urban', 150, 80]
    ]
  },
  {
    id: 'safety',
    name: '消防安全',
    leaves: [
      ['fireLane', '消防通道堵塞', 'tipoff', 'urban', 100, 50],
      ['fireEquipment', '消防设施损坏', 'help', 'housing', 50, 30]
    ]
  },
  {
    id: 'facilities',
    name: '设施维修',
    leaves: [
      ['streetLamp', '路灯不亮', 'help', 'housing', 80, 40],
      ['road', '道路破损', 'help', 'housing', 100, 50],
      ['waterLeak', '水管漏水', 'help', 'water', 80, 40],
      ['waterCut', '停水', 'help', 'water', 300, 200]
    ]
  },
  {
    id: 'neighbours',
    name: '邻里事务',
    leaves: [
      ['noise', '噪音扰民', 'complain', null, 100, 100],
      ['dispute', '邻里纠纷', 'help', null, 30, 100]
    ]
  },
  {
    id: 'consultAndSuggest',
    name: '咨询建议',
    leaves: [
      ['policy', '政策咨询', 'consult', null, 0, 1000],
      ['suggestion', '社区建议', 'suggest', null, 0, 1000]
    ]
  }
]

/** The default tree as documents (parents first, leaves after their parent, in order). */
export function defaultCategories(): ReportCategoryDoc[] {
  const out: ReportCategoryDoc[] = []
  TREE.forEach((parent, i) => {
    out.push({
      _id: parent.id,
      parentId: null,
      streetId: null,
      name: parent.name,
      kind: 'help',
      leaf: false,
      order: i * 100,
      acceptHours: DEFAULT_ACCEPT_HOURS,
      handleDays: DEFAULT_HANDLE_DAYS.help,
      duplicateRadius: 0,
      evidenceRadius: 0,
      departmentKind: null,
      active: true
    })
    parent.leaves.forEach(([id, name, kind, departmentKind, duplicateRadius, evidenceRadius], j) =>
      out.push({
        _id: id,
        parentId: parent.id,
        streetId: null,
        name,
        kind,
        leaf: true,
        order: i * 100 + j + 1,
        acceptHours: DEFAULT_ACCEPT_HOURS,
        handleDays: DEFAULT_HANDLE_DAYS[kind],
        duplicateRadius,
        evidenceRadius,
        departmentKind,
        active: true
      })
    )
  })
  return out
}

/** The departments a street starts with: 城管, 住建, 供水. */
export const DEFAULT_DEPARTMENTS: ReadonlyArray<{ kind: DepartmentKind; name: string }> = [
  { kind: 'urban', name: '街道城市管理执法队' },
  { kind: 'housing', name: '街道住房和城乡建设办' },
  { kind: 'water', name: '江城供水公司镜湖营业所' }
]
export const departmentIdFor = (streetId: string, kind: DepartmentKind) => `${streetId}-${kind}`
