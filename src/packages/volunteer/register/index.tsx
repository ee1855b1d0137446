// Volunteer registration: real name, mobile number, community, skills and consent to the service-record
// rules. An ID number is optional; only its masked form and a keyed hash are kept.
import { Input, View } from '@tarojs/components'
import Taro from '@tarojs/taro'
import { useState } from 'react'
import { BigButton } from '@/components/BigButton'
import { CommunityPicker } from '@/components/CommunityPicker'
import { PageShell } from '@/components/PageShell'
import { Section } from '@/components/Section'
import { useAction } from '@/hooks/useAction'
import { useMe, useSignedIn } from '@/hooks/useMe'
import { pageUrl } from '@/routes'
import { call, CloudError } from '@/services/cloud'
import { Field } from '@/components/Field'
import { Chips } from '@/components/Chips'
import { Check } from '@/components/Check'
import { serverFieldErrors } from '@/utils/form'

export const SKILLS = [
  '助老陪伴',
  '环境清洁',
  '文明劝导',
  '理发',
  '家电维修',
  '心理疏导',
  '法律咨询',
  '医疗护理',
  '教育辅导',
  '文艺表演',
  '摄影',
  '驾驶'
]

export const RULES_TEXT =
  '我已阅读并同意《志愿服务记录规则》：社区按照《志愿服务记录与证明出具办法》记录我的服务内容、时长和组织单位；' +
  '签到签退时核验我的位置；姓名和手机号仅用于志愿服务管理，他人只能看到脱敏信息；身份证号只保存脱敏号码。'

interface Draft {
  realName: string
  phone: string
  communityId: string | null
  skills: string[]
  idCard: string
  boardOptIn: boolean
  consent: boolean
}

function localErrors(d: Draft): Record<string, string> {
  const errors: Record<string, string> = {}
  if (!d.communityId) errors.communityId = '请选择所在社区'
  if (!d.consent) errors.consent = '请先阅读并同意志愿服务记录规则'
  return errors
}

function RegisterForm() {
  const me = useSignedIn()
  const { setMe } = useMe()
  const [d, setDraft] = useState<Draft>({
    realName: me.realName ?? '',
    phone: '',
    communityId: me.communityId,
    skills: [],
    idCard: '',
    boardOptIn: false,
    consent: false
  })
  const [errors, setErrors] = useState<Record<string, string>>({})
  const set = <K extends keyof Draft>(key: K, value: Draft[K]) => setDraft((x) => ({ ...x, [key]: value }))

  const submit = useAction(async () => {
    const local = localErrors(d)
    setErrors(local)
    if (Object.keys(local).length) throw new CloudError({ code: 'INVALID_ARGUMENT', message: Object.values(local)[0] })
    try {
      const input = {
        realName: d.realName,
        phone: d.phone,
        communityId: d.communityId as string,
        skills: d.skills,
        idCard: d.idCard.trim() || undefined,
        boardOptIn: d.boardOptIn,
        consent: true as const
      }
      const profile = await call('volunteer', 'register', input)
      setMe(await call('user', 'me'))
      void Taro.showToast({ title: `登记成功，编号${profile.volunteerNo}`, icon: 'none', duration: 2500 })
      void Taro.redirectTo({ url: pageUrl('volunteer', 'mine') })
    } catch (e) {
      setErrors(serverFieldErrors(e))
      throw e
    }
  })

  return (
    <Section title="登记成为志愿者">
      <Field label="姓名" required error={errors.realName}>
        <Input
          className="llt-input llt-input--round"
          value={d.realName}
          placeholder="请填写真实姓名"
          maxlength={20}
          onInput={(e) => set('realName', e.detail.value)}
        />
      </Field>
      <Field label="手机号" required error={errors.phone} hint="只有社区工作人员能看到完整号码">
        <Input
          className="llt-input llt-input--round"
          type="number"
          value={d.phone}
          placeholder="11位手机号"
          maxlength={13}
          onInput={(e) => set('phone', e.detail.value)}
        />
      </Field>
      <Field label="所在社区" required error={errors.communityId}>
        <CommunityPicker label={null} value={d.communityId} onChange={(c) => set('communityId', c.id)} />
      </Field>
      <Field label="特长（可多选）" error={errors.skills}>
        <Chips
          options={SKILLS.map((s) => ({ value: s, label: s }))}
          multiple
          value={d.skills}
          onChange={(skills) => set('skills', skills.slice(0, 8))}
        />
      </Field>
      <Field label="身份证号（选填）" error={errors.idCard} hint="出具服务证明时使用；只保存脱敏号码，如 1101**********002X">
        <Input
          className="llt-input llt-input--round"
          type="idcard"
          value={d.idCard}
          placeholder="可不填"
          maxlength={18}
          onInput={(e) => set('idCard', e.detail.value)}
        />
      </Field>
      <Check checked={d.boardOptIn} onChange={(on) => set('boardOptIn', on)}>
        在社区积分榜上显示我的姓名（不勾选则只显示积分）
      </Check>
      <Check checked={d.consent} onChange={(on) => set('consent', on)}>
        {RULES_TEXT}
      </Check>
      {errors.consent && (
        <View className="llt-field__error" role="alert">
          {errors.consent}
        </View>
      )}
      <View className="llt-actions">
        <BigButton block loading={submit.running} onClick={() => void submit.run()}>
          提交登记
        </BigButton>
      </View>
    </Section>
  )
}

export default function VolunteerRegisterPage() {
  return (
    <PageShell className="vol-register">
      <RegisterForm />
    </PageShell>
  )
}
