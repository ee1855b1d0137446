import { z } from 'zod'
import { action } from '../contract'
import { fileId, id, mobile, page, text, type Page } from './common'
import type { CommunityOption, Me } from '../models'
import type { NoticeKind, NoticeTarget } from '../enums'

export { PRIVACY_VERSION } from '../enums'

export const UpdateProfileInput = z.object({
  nickName: text('昵称', { max: 20 }).optional(),
  realName: text('姓名', { min: 2, max: 20 }).optional(),
  phone: mobile().optional(),
  /** The caller's own upload; '' removes it. */
  avatar: z.union([fileId, z.literal('')], { errorMap: () => ({ message: '头像格式不正确' }) }).optional(),
  communityId: id('社区').optional(),
  compoundId: id('小区').optional()
})

/** One notice (消息) in the person's message centre. */
export interface NoticeView {
  id: string
  kind: NoticeKind
  title: string
  body: string
  target: NoticeTarget
  createdAt: string
  readAt: string | null
}

export const NOTICE_PAGE_SIZE = 20

const noticeIds = z
  .array(id('消息'), { invalid_type_error: '消息编号格式不正确' })
  .min(1, '请选择消息')
  .max(NOTICE_PAGE_SIZE * 5, '一次最多标记100条消息')

/** Either some of the caller's notices by id, or all of them. */
export const MarkReadInput = z
  .object({
    ids: noticeIds.optional(),
    all: z.literal(true, { errorMap: () => ({ message: '标记全部已读的参数不正确' }) }).optional()
  })
  .refine((v) => (v.ids === undefined) !== (v.all === undefined), { message: '请选择要标记已读的消息' })

export const user = {
  login: action(z.object({ nickName: text('昵称', { max: 20 }).optional() }).default({})).returns<Me>(),
  me: action(z.object({}).default({})).returns<Me>(),
  updateProfile: action(UpdateProfileInput).returns<Me>(),
  setElderMode: action(z.object({ on: z.boolean({ required_error: '缺少开关状态' }) })).returns<Me>(),
  consent: action(
    z.object({ version: z.string().max(20), agreed: z.literal(true, { errorMap: () => ({ message: '请先阅读并同意隐私保护指引' }) }) })
  ).returns<Me>(),
  deleteAccount: action(z.object({ confirm: z.literal('注销', { errorMap: () => ({ message: '请输入“注销”确认' }) }) })).returns<{
    deleted: true
  }>(),
  communities: action(z.object({}).default({})).returns<CommunityOption[]>(),
  /** The caller's notices, newest first. */
  notices: action(z.object({ ...page }).default({})).returns<Page<NoticeView>>(),
  unreadCount: action(z.object({}).default({})).returns<{ unread: number }>(),
  /** Marks notices read (again is fine); answers how many stay unread. */
  markRead: action(MarkReadInput).returns<{ unread: number }>()
}
