// The staff pages of the workbench, in one list: the workbench entry lists them, and at PC width the
// desk navigation shows them at the left of every workbench page.
import type { Me } from '@contract'
import { pageUrl } from '@/routes'
import { streetIdOf, workbenchTitle } from '@/utils/roles'

export interface WorkbenchPage {
  title: string
  description: string
  url: string
}

/** The pillars' staff pages (community staff only). */
export const STAFF_PAGES: readonly WorkbenchPage[] = [
  { title: '心愿审核', description: '审核居民心愿，代录和确认困难群众的心愿', url: pageUrl('workbench', 'wish') },
  { title: '联系方式查看记录', description: '谁在何时查看了受助人的联系方式', url: pageUrl('workbench', 'wishContactViews') },
  { title: '志愿者注册审核', description: '核实新登记的志愿者，通过后才能认领心愿', url: pageUrl('workbench', 'volunteerReview') },
  { title: '双报到审核', description: '审核党员和单位报到，分配网格', url: pageUrl('workbench', 'partyReview') },
  { title: '需求清单', description: '发布社区需求，确认党员和单位的完成情况', url: pageUrl('workbench', 'partyNeeds') },
  { title: '党员考评', description: '党员积分、年度评定和考评报表', url: pageUrl('workbench', 'partyRate') },
  { title: '共建项目', description: '与报到单位商定的项目清单', url: pageUrl('workbench', 'partyProjects') },
  { title: '活动管理', description: '发布活动，现场出示签到码，更正服务时长', url: pageUrl('workbench', 'activities') },
  { title: '商家审核', description: '审核爱心商家的入驻申请', url: pageUrl('workbench', 'merchantReview') },
  { title: '设施管理', description: '新增、修改、关闭设施，批量导入', url: pageUrl('workbench', 'facilities') },
  { title: '设施覆盖率', description: '各类设施步行可达的小区和户数占比，缺口清单', url: pageUrl('workbench', 'coverage') },
  { title: '随手拍办理', description: '签收、办理、吹哨报到，超期的排在最前', url: pageUrl('workbench', 'reports') }
]

const isStaffMember = (me: Pick<Me, 'roles'>) => me.roles.some((r) => r.role === 'staff')

/** What the desk navigation lists for this person; empty for someone without a workbench of their own. */
export function deskPages(me: Pick<Me, 'roles' | 'isStaff'>): WorkbenchPage[] {
  if (!me.isStaff) return []
  const staff = isStaffMember(me)
  return [
    { title: workbenchTitle(me), description: '待办和入口', url: pageUrl('workbench', 'home') },
    { title: '数据看板', description: '本社区的各项指标', url: pageUrl('workbench', 'dashboard') },
    ...(streetIdOf(me) ? [{ title: '街道对比', description: '各社区数据并列比较', url: pageUrl('workbench', 'street') }] : []),
    ...(staff ? STAFF_PAGES : [])
  ]
}
