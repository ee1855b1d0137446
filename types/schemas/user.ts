import { z } from 'zod'
import { action } from '../contract'
import { fileId, id, mobile, text } from './common'
import type { CommunityOption, Me } from '../models'

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
  communities: action(z.object({}).default({})).returns<CommunityOption[]>()
}
