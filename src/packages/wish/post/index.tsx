// The post form: a resident's wish for themselves or their family, or staff posting on behalf of a
// resident in need (代录) — the only way to post for a child, with the guardian's consent. The consent
// text says what becomes public and what stays private; the server has the last word on every field.
import { Input, Picker, Text, Textarea, View } from '@tarojs/components'
import Taro from '@tarojs/taro'
import { useRef, useState } from 'react'
import {
  APPELLATIONS,
  CHILD_APPELLATIONS,
  WISH_CATEGORIES,
  WISH_CATEGORY_LABELS,
  WISH_LIMITS,
  type Appellation,
  type DeliveryMode,
  type WishCategory
} from '@contract/enums'
import type { Me } from '@contract'
import { SubmitInput } from '@contract/schemas/wish'
import { BigButton } from '@/components/BigButton'
import { PageShell } from '@/components/PageShell'
import { Section } from '@/components/Section'
import { useAction } from '@/hooks/useAction'
import { useSignedIn } from '@/hooks/useMe'
import { pageUrl } from '@/routes'
import { call } from '@/services/cloud'
import { dayjs } from '@/utils/date'
import { Chips, type Chip } from '@/components/Chips'
import { Check } from '@/components/Check'
import { Field } from '@/components/Field'
import { PhotoPicker, type Photo } from '../components/PhotoPicker'
import { QuickPhrases, WISH_PHRASES } from '../components/QuickPhrases'
import { newRequestId, revealFirstError, serverFieldErrors } from '@/utils/form'
import { check } from '@/utils/validate'
import './index.css'

const CATEGORY_CHIPS: Chip<WishCategory | null>[] = WISH_CATEGORIES.map((c) => ({ value: c, label: WISH_CATEGORY_LABELS[c] }))
const DELIVERY_CHIPS: Chip<DeliveryMode>[] = [
  { value: 'contact', label: '认领人联系我' },
  { value: 'handover', label: '经社区转交' }
]

export const CONSENT_TEXT =
  '我已阅读并同意《心愿发布须知》：心愿经社区工作人员核实后在心愿墙公开；公开的只有心愿内容、所在社区和称呼（如“张奶奶”）；' +
  '姓名、电话和地址只给认领人和社区工作人员用于实现心愿；心愿价值不超过社区规定的上限；请勿在标题和描述中填写姓名、电话、住址。'
export const GUARDIAN_TEXT = '已向监护人说明心愿的用途和公开范围，监护人同意由社区代为发布；孩子的姓名和照片不会公开。'

interface Draft {
  category: WishCategory | null
  title: string
  story: string
  value: string
  desiredDate: string
  name: string
  appellation: Appellation | null
  phone: string
  address: string
  delivery: DeliveryMode
  photos: Photo[]
  proxy: boolean
  child: boolean
  /** 代录 for a resident who needs special protection: delivered through the community, like a child's wish. */
  vulnerable: boolean
  guardianName: string
  guardianRelation: string
  guardianPhone: string
  guardianConsent: boolean
  consent: boolean
}

const emptyDraft = (me: Me): Draft => ({
  category: null,
  title: '',
  story: '',
  value: '',
  desiredDate: '',
  name: me.realName ?? '',
  appellation: null,
  phone: '',
  address: '',
  delivery: 'contact',
  photos: [],
  proxy: false,
  child: false,
  vulnerable: false,
  guardianName: '',
  guardianRelation: '',
  guardianPhone: '',
  guardianConsent: false,
  consent: false
})

/**
 * Turning 代录 on or off. A 代录 wish is for someone else: the name starts empty (never the staff member's
 * own, which a resident's own wish starts with), and turning it off brings the own name back.
 */
function withProxy(d: Draft, proxy: boolean, me: Me): Draft {
  const own = me.realName ?? ''
  if (proxy) return { ...d, proxy, name: d.name === own ? '' : d.name }
  return { ...d, proxy, child: false, vulnerable: false, name: d.name.trim() ? d.name : own }
}

/** How the wall will call the beneficiary (the server decides; this is the preview). */
function displayPreview(name: string, appellation: Appellation | null, child: boolean): string {
  const surname = [...name.trim()][0] ?? ''
  if (!surname) return '—'
  const allowed = !child || (CHILD_APPELLATIONS as readonly string[]).includes(appellation ?? '')
  return appellation && allowed ? surname + appellation : `${surname}**`
}

function toInput(d: Draft, me: Me, requestId: string) {
  const staffCommunity = me.roles.find((r) => r.role === 'staff')?.communityId
  return {
    requestId,
    proxy: d.proxy,
    communityId: d.proxy ? staffCommunity : undefined,
    category: d.category as WishCategory,
    title: d.title,
    story: d.story,
    value: d.value.trim() === '' ? 0 : Number(d.value),
    desiredDate: d.desiredDate || undefined,
    photos: d.photos.map((p) => p.fileId),
    beneficiary: {
      name: d.name,
      appellation: d.appellation ?? undefined,
      phone: d.child ? undefined : d.phone.trim() || undefined,
      address: d.address.trim() || undefined,
      isChild: d.proxy && d.child,
      vulnerable: d.proxy && !d.child && d.vulnerable
    },
    guardian:
      d.proxy && d.child
        ? { name: d.guardianName, relation: d.guardianRelation, phone: d.guardianPhone, consent: d.guardianConsent as true }
        : undefined,
    delivery: d.delivery,
    consent: d.consent as true
  }
}

/**
 * Every message the device can give before asking the server, all at once: the shared schema's (an empty
 * title or story is flagged on the first tap) and the form's own.
 */
function localErrors(d: Draft, me: Me, requestId: string): Record<string, string> {
  const checked = check(SubmitInput, toInput(d, me, requestId))
  const errors: Record<string, string> = checked.ok ? {} : { ...checked.errors }
  if (!d.category) errors.category = '请选择心愿类别'
  if (d.proxy && !d.name.trim()) errors['beneficiary.name'] = '请填写受助人姓名'
  if (d.value.trim() && !/^\d+$/.test(d.value.trim())) errors.value = '预估价值请填写整数（元）'
  if (d.proxy && d.child && !d.guardianConsent) errors.guardian = '须取得监护人同意'
  if (!d.consent) errors.consent = '请阅读并同意心愿发布须知'
  return errors
}

function PostForm() {
  const me = useSignedIn()
  const isStaff = me.roles.some((r) => r.role === 'staff')
  const [draft, setDraft] = useState<Draft>(() => emptyDraft(me))
  const [errors, setErrors] = useState<Record<string, string>>({})
  const requestId = useRef(newRequestId())
  const set = <K extends keyof Draft>(key: K, value: Draft[K]) => setDraft((d) => ({ ...d, [key]: value }))
  const child = draft.proxy && draft.child

  const submit = useAction(async () => {
    const local = localErrors(draft, me, requestId.current)
    setErrors(revealFirstError(local))
    if (Object.keys(local).length) return
    try {
      const { id } = await call('wish', 'submit', toInput(draft, me, requestId.current))
      void Taro.showToast({ title: '已提交，等待社区审核', icon: 'none', duration: 2500 })
      void Taro.redirectTo({ url: pageUrl('wish', 'detail', { id }) })
    } catch (e) {
      setErrors(revealFirstError(serverFieldErrors(e)))
      throw e
    }
  })

  const appellations: Chip<Appellation | null>[] = [
    { value: null, label: '不用称呼' },
    ...(child ? CHILD_APPELLATIONS : APPELLATIONS).map((a) => ({ value: a, label: a }))
  ]

  return (
    <View className="wish-post">
      {isStaff && (
        <Section title="代录">
          <Check checked={draft.proxy} onChange={(v) => setDraft((d) => withProxy(d, v, me))}>
            为社区里需要帮助的居民代录心愿（困难老人、困境儿童等）
          </Check>
          {draft.proxy && (
            <Check
              checked={draft.child}
              onChange={(v) => setDraft((d) => ({ ...d, child: v, appellation: null, delivery: v ? 'handover' : d.delivery }))}
            >
              受助人是14岁以下儿童
            </Check>
          )}
          {draft.proxy && !draft.child && (
            <Check
              checked={draft.vulnerable}
              onChange={(v) => setDraft((d) => ({ ...d, vulnerable: v, delivery: v ? 'handover' : d.delivery }))}
            >
              受助人困难/需特别保护（如独居、失能）：联系方式不给认领人，经社区转交
            </Check>
          )}
        </Section>
      )}
      <Section title="心愿内容">
        <Field label="类别" required error={errors.category}>
          <Chips scroll label="心愿类别" options={CATEGORY_CHIPS} value={draft.category} onChange={(c) => set('category', c)} />
        </Field>
        <Field label="心愿标题" required error={errors.title} max={WISH_LIMITS.title} value={draft.title}>
          <Input
            className="llt-input"
            value={draft.title}
            maxlength={WISH_LIMITS.title}
            placeholder="如：想要一盏护眼台灯"
            onInput={(e) => set('title', e.detail.value)}
          />
          <QuickPhrases
            phrases={WISH_PHRASES}
            value={draft.title}
            max={WISH_LIMITS.title}
            onChange={(t) => set('title', t)}
            label="常见心愿，点一下就填入"
          />
        </Field>
        <Field
          label="心愿描述"
          required
          error={errors.story}
          max={WISH_LIMITS.story}
          value={draft.story}
          hint="说说为什么需要、有什么要求。请不要写姓名、电话和住址。"
        >
          <Textarea
            className="llt-textarea llt-textarea--tall"
            value={draft.story}
            maxlength={WISH_LIMITS.story}
            placeholder="写下您的心愿故事"
            onInput={(e) => set('story', e.detail.value)}
          />
        </Field>
        <Field label="预估价值（元）" error={errors.value} hint="不花钱的心愿（如陪伴、帮忙办事）填 0；不能超过社区规定的上限">
          <Input className="llt-input" type="number" value={draft.value} placeholder="0" onInput={(e) => set('value', e.detail.value)} />
        </Field>
        <Field label="希望在哪天前实现" error={errors.desiredDate}>
          <Picker
            mode="date"
            value={draft.desiredDate}
            start={dayjs().format('YYYY-MM-DD')}
            onChange={(e) => set('desiredDate', String(e.detail.value))}
          >
            <View className="llt-input wish-post__picker">
              {draft.desiredDate ? dayjs(draft.desiredDate).format('YYYY年M月D日') : '不限（点此选择）'}
            </View>
          </Picker>
        </Field>
        <Field label="照片" error={errors.photos}>
          <PhotoPicker
            value={draft.photos}
            onChange={(p) => set('photos', p)}
            max={WISH_LIMITS.photos}
            note={child ? '孩子的照片只给认领人和社区工作人员看，不会出现在心愿墙上。' : '照片会公开在心愿墙上，请不要拍到门牌号和证件。'}
          />
        </Field>
      </Section>
      <Section title={child ? '孩子的信息（不公开）' : '受助人（不公开）'}>
        <Field label="姓名" required error={errors['beneficiary.name']}>
          <Input
            className="llt-input"
            value={draft.name}
            maxlength={20}
            placeholder="受助人真实姓名"
            onInput={(e) => set('name', e.detail.value)}
          />
        </Field>
        <Field label="心愿墙上的称呼" hint={`心愿墙显示为：${displayPreview(draft.name, draft.appellation, child)}`}>
          <Chips scroll label="称呼" options={appellations} value={draft.appellation} onChange={(a) => set('appellation', a)} />
        </Field>
        {!child && (
          <Field label="联系电话" error={errors['beneficiary.phone']} hint={draft.proxy ? '认领人联系时使用' : '不填则使用您登记的手机号'}>
            <Input
              className="llt-input"
              type="number"
              value={draft.phone}
              maxlength={11}
              placeholder="11位手机号"
              onInput={(e) => set('phone', e.detail.value)}
            />
          </Field>
        )}
        <Field label="地址" error={errors['beneficiary.address']} hint="只给认领人上门时使用">
          <Input
            className="llt-input"
            value={draft.address}
            maxlength={100}
            placeholder="如：幸福小区3栋201室"
            onInput={(e) => set('address', e.detail.value)}
          />
        </Field>
        <Field label="交付方式" error={errors.delivery}>
          <Chips scroll label="交付方式" options={DELIVERY_CHIPS} value={draft.delivery} onChange={(m) => set('delivery', m)} />
        </Field>
      </Section>
      {child && (
        <Section title="监护人（不公开）">
          <Field label="监护人姓名" required error={errors['guardian.name']}>
            <Input className="llt-input" value={draft.guardianName} maxlength={20} onInput={(e) => set('guardianName', e.detail.value)} />
          </Field>
          <Field label="与孩子的关系" required error={errors['guardian.relation']}>
            <Input
              className="llt-input"
              value={draft.guardianRelation}
              maxlength={10}
              placeholder="如：母亲、奶奶"
              onInput={(e) => set('guardianRelation', e.detail.value)}
            />
          </Field>
          <Field label="监护人电话" required error={errors['guardian.phone']}>
            <Input
              className="llt-input"
              type="number"
              value={draft.guardianPhone}
              maxlength={11}
              onInput={(e) => set('guardianPhone', e.detail.value)}
            />
          </Field>
          <Field label="监护人同意" error={errors.guardian ?? errors['guardian.consent']}>
            <Check checked={draft.guardianConsent} onChange={(v) => set('guardianConsent', v)}>
              {GUARDIAN_TEXT}
            </Check>
          </Field>
        </Section>
      )}
      <Section>
        <Field label="发布须知" error={errors.consent}>
          <Check checked={draft.consent} onChange={(v) => set('consent', v)}>
            {CONSENT_TEXT}
          </Check>
        </Field>
        <View className="llt-actions">
          <BigButton block loading={submit.running} onClick={() => void submit.run()}>
            提交心愿
          </BigButton>
          <Text className="llt-text-secondary">提交后由社区工作人员审核，通常1–2个工作日内公开。</Text>
        </View>
      </Section>
    </View>
  )
}

export default function WishPostPage() {
  return (
    <PageShell>
      <PostForm />
    </PageShell>
  )
}
