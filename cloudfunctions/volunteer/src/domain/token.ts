// Check-in codes: the mechanism is shared (_shared/domain/checkinToken.ts, also used by meeting sign-in);
// the sentences a volunteer or staff member reads when a code is refused are the volunteer pillar's.
import type { TokenRefusal } from '../../../_shared/domain/checkinToken'

export * from '../../../_shared/domain/checkinToken'

export const TOKEN_REFUSALS: Record<TokenRefusal, string> = {
  malformed: '这不是签到码，请扫描活动现场的签到二维码',
  forged: '签到码无效，请扫描现场工作人员出示的签到码',
  otherActivity: '该签到码不属于本活动',
  expired: '签到码已过期，请扫描最新的签到码',
  wrongShort: '签到码不正确或已过期，请核对工作人员手机上的最新签到码'
}

export const PERSONAL_REFUSALS: Record<TokenRefusal, string> = {
  malformed: '这不是志愿者的个人签到码，请让志愿者打开“我的签到码”',
  forged: '签到码无效，请让志愿者刷新“我的签到码”后重试',
  otherActivity: '该志愿者签到码不属于本活动',
  expired: '签到码已过期，请让志愿者刷新“我的签到码”后重试',
  wrongShort: '签到码不正确或已过期，请核对志愿者手机上的最新签到码'
}
