// 随手拍: a resident (or a grid worker on patrol) reports a problem — category, description, 1–9 photos,
// where it is, public or not and whether their name may show. Before sending, open reports of the same
// category nearby are offered: 我也遇到 adds one and follows that report instead. Without network the
// report waits on the phone (outbox) with its photos, time and place, and is sent once the network returns.
import { Input, Text, Textarea, View } from '@tarojs/components'
import Taro, { useRouter } from '@tarojs/taro'
import { useRef, useState } from 'react'
import { REPORT_LIMITS } from '@contract/schemas/report.labels'
import { SubmitInput, type ReportCard } from '@contract/schemas/report'
import { BigButton } from '@/components/BigButton'
import { Check } from '@/components/Check'
import { Chips, type Chip } from '@/components/Chips'
import { Field } from '@/components/Field'
import { PageShell } from '@/components/PageShell'
import { Section } from '@/components/Section'
import { StateView } from '@/components/StateView'
import { Toggle } from '@/components/Toggle'
import { useAction } from '@/hooks/useAction'
import { useSignedIn } from '@/hooks/useMe'
import { useRemote } from '@/hooks/useRemote'
import { pageUrl } from '@/routes'
import { call, isNetworkError } from '@/services/cloud'
import { newRequestId, revealFirstError, serverFieldErrors, type FieldErrors } from '@/utils/form'
import { check } from '@/utils/validate'
import { QuickPhrases } from '../../wish/components/QuickPhrases'
import { CategoryPicker, isReportable } from '../components/CategoryPicker'
import { DuplicatePrompt } from '../components/DuplicatePrompt'
import { ReportPhotos, type LocalPhoto } from '../components/ReportPhotos'
import { SpotPicker, type Spot } from '../components/SpotPicker'
import { loadCategories } from '../categories'
import { sendReport, type ReportPayload } from '../outbox'
import { patrolIdFor } from '../patrol'
import { REPORT_PHRASES } from '../phrases'
import './index.css'

type Visibility = 'public' | 'private'

const VISIBILITY: Chip<Visibility>[] = [
  { value: 'public', label: '公开' },
  { value: 'private', label: '不公开' }
]

export const CONSENT_TEXT =
  '我已阅读并同意《随手拍须知》：照片、位置和描述交给社区、网格员和处置部门办理；选择公开时，问题和照片会在附近居民的地图上显示，' +
  '但不会显示您的身份（除非您选择显示姓氏）；请不要拍摄他人面部、车牌号和门牌号。'

interface Draft {
  categoryId: string | null
  description: string
  photos: LocalPhoto[]
  spot: Spot | null
  place: string
  visibility: Visibility
  showName: boolean
  consent: boolean
}

const EMPTY: Draft = {
  categoryId: null,
  description: '',
  photos: [],
  spot: null,
  place: '',
  visibility: 'public',
  showName: false,
  consent: false
}

/** On a patrol: its id when the server gave one, else (started without network) the start it waits for. */
function onPatrol(startId: string | undefined): Pick<ReportPayload, 'patrolId' | 'patrolStartId'> {
  if (!startId) return {}
  const patrolId = patrolIdFor(startId)
  return patrolId ? { patrolId } : { patrolStartId: startId }
}

function toPayload(d: Draft, requestId: string, clientTime: string, patrolStart?: string): ReportPayload {
  return {
    ...onPatrol(patrolStart),
    requestId,
    categoryId: d.categoryId ?? '',
    description: d.description,
    location: d.spot?.location as ReportPayload['location'],
    compoundId: d.spot?.kind === 'compound' ? d.spot.compoundId : undefined,
    place: d.place.trim() || undefined,
    visibility: d.visibility,
    showName: d.visibility === 'public' && d.showName,
    clientTime,
    consent: d.consent as true
  }
}

/** Every message the phone can give before sending (photos stand in as placeholders: they upload on sending). */
function localErrors(d: Draft, payload: ReportPayload, reportable: boolean): FieldErrors {
  const checked = check(SubmitInput, { ...payload, photos: d.photos.map((_, i) => `cloud://on-the-phone/${i}`) })
  const errors: FieldErrors = checked.ok ? {} : { ...checked.errors }
  if (!reportable) errors.categoryId = d.categoryId ? '请选择具体问题' : '请选择问题类别'
  if (!d.spot) errors.location = '请定位或选择问题所在的小区'
  if (!d.photos.length) errors.photos = '请至少拍一张现场照片'
  if (!d.consent) errors.consent = '请阅读并同意随手拍须知'
  return errors
}

function PostForm() {
  const me = useSignedIn()
  const { params } = useRouter()
  // The patrol this report is made on (its start's request id, as the patrol screen knows it).
  const patrolStart = params.patrol || undefined
  const categories = useRemote(loadCategories, [])
  const [draft, setDraft] = useState<Draft>(EMPTY)
  const [errors, setErrors] = useState<FieldErrors>({})
  const [duplicates, setDuplicates] = useState<ReportCard[] | null>(null)
  // Fixed when the form opens: a retry, or the outbox sending it later, is the same report.
  const requestId = useRef(newRequestId())
  const set = <K extends keyof Draft>(key: K, value: Draft[K]) => setDraft((d) => ({ ...d, [key]: value }))
  const items = categories.data?.items ?? []
  const category = items.find((c) => c.id === draft.categoryId)

  const send = async () => {
    const payload = toPayload(draft, requestId.current, new Date().toISOString(), patrolStart)
    const title = `随手拍 · ${category?.name ?? ''}`
    try {
      const outcome = await sendReport(
        me.openid,
        payload,
        draft.photos.map((p) => p.path),
        title
      )
      if (outcome.sent) {
        void Taro.showToast({ title: '已提交，网格员会尽快签收', icon: 'none', duration: 2500 })
        void Taro.redirectTo({ url: pageUrl('report', 'detail', { id: outcome.result.id }) })
      } else {
        void Taro.showToast({ title: '网络不通，已保存在手机上，联网后自动发送', icon: 'none', duration: 3000 })
        void Taro.redirectTo({ url: pageUrl('report', 'mine') })
      }
    } catch (e) {
      setErrors(revealFirstError(serverFieldErrors(e, { topLevel: true })))
      throw e
    }
  }

  const submit = useAction(async () => {
    const payload = toPayload(draft, requestId.current, new Date().toISOString(), patrolStart)
    const local = localErrors(draft, payload, isReportable(items, draft.categoryId))
    setErrors(revealFirstError(local))
    if (Object.keys(local).length) return
    // Same problem already reported nearby? Offer 我也遇到 first (without network, skip the question).
    const nearby = await call('report', 'duplicates', { categoryId: payload.categoryId, location: payload.location }).catch((e) => {
      if (isNetworkError(e)) return { items: [] }
      throw e
    })
    if (nearby.items.length) {
      setDuplicates(nearby.items)
      return
    }
    await send()
  })
  const sendAnyway = useAction(send)

  if (categories.error && !categories.data) {
    return <StateView state="error" error={categories.error} onRetry={() => void categories.refresh()} fullPage />
  }
  if (!categories.data) return <StateView state="loading" fullPage />

  if (duplicates) {
    return (
      <DuplicatePrompt
        duplicates={duplicates}
        categoryName={category?.name ?? ''}
        sending={sendAnyway.running}
        onSendAnyway={() => void sendAnyway.run()}
        onBack={() => setDuplicates(null)}
      />
    )
  }

  return (
    <View className="report-post">
      {patrolStart && (
        <Section>
          <Text className="report-post__patrol">巡查中上报：这条问题会记在本次巡查里</Text>
        </Section>
      )}
      <Section title="遇到了什么问题">
        <Field label="问题类别" required error={errors.categoryId}>
          <CategoryPicker categories={items} value={draft.categoryId} onChange={(id) => set('categoryId', id)} />
        </Field>
        <Field label="问题描述" required error={errors.description} max={REPORT_LIMITS.description} value={draft.description}>
          <Textarea
            className="llt-textarea llt-textarea--tall"
            value={draft.description}
            maxlength={REPORT_LIMITS.description}
            placeholder="说说看到了什么，比如：5号楼东侧消防通道被三辆车堵住"
            onInput={(e) => set('description', e.detail.value)}
          />
          <QuickPhrases
            phrases={REPORT_PHRASES}
            value={draft.description}
            max={REPORT_LIMITS.description}
            onChange={(t) => set('description', t)}
            label="常见问题，点一下就填入"
          />
        </Field>
        <Field label="现场照片" required error={errors.photos}>
          <ReportPhotos value={draft.photos} onChange={(p) => set('photos', p)} max={REPORT_LIMITS.photos} />
        </Field>
      </Section>
      <Section title="问题在哪里">
        <Field label="位置" required error={errors.location}>
          <SpotPicker value={draft.spot} onChange={(s) => set('spot', s)} communityId={me.communityId} />
        </Field>
        <Field label="具体位置" error={errors.place} hint="如：5号楼东侧、小区北门">
          <Input
            className="llt-input"
            value={draft.place}
            maxlength={60}
            placeholder="楼栋、门口等（选填）"
            onInput={(e) => set('place', e.detail.value)}
          />
        </Field>
      </Section>
      <Section title="公开设置">
        <Field
          label="是否公开"
          error={errors.visibility}
          hint={
            draft.visibility === 'public'
              ? '公开后附近居民能看到这个问题和处理进度，可以一起“我也遇到”'
              : '不公开：只有您和社区工作人员能看到（如邻里纠纷）'
          }
        >
          <Chips label="是否公开" options={VISIBILITY} value={draft.visibility} onChange={(v) => set('visibility', v)} />
        </Field>
        {draft.visibility === 'public' && (
          <View className="report-post__toggle">
            <View className="report-post__toggle-text">
              <Text className="report-post__toggle-label">显示我的姓氏</Text>
              <Text className="llt-text-secondary">
                {draft.showName ? `公开时显示为“${[...(me.realName ?? me.nickName)][0] ?? ''}**”` : '公开时不显示任何身份信息'}
              </Text>
            </View>
            <Toggle checked={draft.showName} label="显示我的姓氏" onChange={(v) => set('showName', v)} />
          </View>
        )}
        <Text className="llt-text-secondary">无论是否公开，社区工作人员和处置部门都能看到您的姓名和电话，以便联系您。</Text>
      </Section>
      <Section>
        <Field label="随手拍须知" error={errors.consent}>
          <Check checked={draft.consent} onChange={(v) => set('consent', v)}>
            {CONSENT_TEXT}
          </Check>
        </Field>
        <View className="llt-actions">
          <BigButton block loading={submit.running} onClick={() => void submit.run()}>
            提交
          </BigButton>
          <Text className="llt-text-secondary">没有网络时会先保存在手机上，联网后自动发送。</Text>
        </View>
      </Section>
    </View>
  )
}

export default function ReportPostPage() {
  return (
    <PageShell>
      <PostForm />
    </PageShell>
  )
}
