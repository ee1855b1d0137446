// 发布活动 (staff): title, content, venue with its location, date and times, enrollment deadline, seats,
// points per hour with a cap, and the check-in radius. The venue's location is the community centre
// until staff pick it on the map (weapp) or use where they stand.
import { Input, Picker, Text, Textarea, View } from '@tarojs/components'
import Taro from '@tarojs/taro'
import { useEffect, useState } from 'react'
import { CHECKIN_MODE_LABELS, CHECKIN_MODES } from '@contract/schemas/volunteer.labels'
import { BigButton } from '@/components/BigButton'
import { PageShell } from '@/components/PageShell'
import { Section } from '@/components/Section'
import { useAction } from '@/hooks/useAction'
import { useSignedIn } from '@/hooks/useMe'
import { useRemote } from '@/hooks/useRemote'
import { pageUrl } from '@/routes'
import { call } from '@/services/cloud'
import { getLocation, type LatLng } from '@/services/device'
import { isWeapp } from '@/services/platform'
import { ensurePrivacy } from '@/services/privacy'
import { Field } from '@/components/Field'
import { Chips } from '@/components/Chips'
import { newRequestId, serverFieldErrors } from '@/utils/form'
import { staffCommunityOf } from '@/utils/roles'
import { defaultDraft, RADII, toActivityInput, type ActivityDraft } from './draft'
import './index.css'

async function pickOnMap(): Promise<{ location: LatLng; name: string } | null> {
  await ensurePrivacy()
  try {
    const res = await Taro.chooseLocation({})
    return { location: { lat: res.latitude, lng: res.longitude }, name: res.name || res.address }
  } catch {
    return null
  }
}

function CreateForm() {
  const me = useSignedIn()
  const communityId = staffCommunityOf(me) ?? undefined
  const communities = useRemote(() => call('user', 'communities'))
  const [d, setDraft] = useState<ActivityDraft>(() => defaultDraft())
  // One per form: a second tap on 发布 while the first is still on its way publishes once.
  const [requestId] = useState(newRequestId)
  const [errors, setErrors] = useState<Record<string, string>>({})
  const set = <K extends keyof ActivityDraft>(key: K, value: ActivityDraft[K]) => setDraft((x) => ({ ...x, [key]: value }))

  useEffect(() => {
    const centre = communities.data?.find((c) => c.id === communityId)?.center
    if (centre) setDraft((x) => (x.location ? x : { ...x, location: centre }))
  }, [communities.data, communityId])

  const locate = useAction(async () => set('location', await getLocation()))
  const map = useAction(async () => {
    const picked = await pickOnMap()
    if (picked) setDraft((x) => ({ ...x, location: picked.location, venue: x.venue || picked.name }))
  })
  const publish = useAction(async () => {
    try {
      const created = await call('volunteer', 'createActivity', toActivityInput(d, communityId, requestId))
      void Taro.showToast({ title: '已发布', icon: 'success' })
      void Taro.redirectTo({ url: pageUrl('volunteer', 'activity', { id: created.id }) })
    } catch (e) {
      setErrors(serverFieldErrors(e))
      throw e
    }
  })
  const timePicker = (key: 'startTime' | 'endTime' | 'deadlineTime') => (
    <Picker mode="time" value={d[key]} onChange={(e) => set(key, String(e.detail.value))}>
      <View className="llt-input llt-input--round wb-act__picker">{d[key]}</View>
    </Picker>
  )
  const datePicker = (key: 'date' | 'deadlineDate') => (
    <Picker mode="date" value={d[key]} onChange={(e) => set(key, String(e.detail.value))}>
      <View className="llt-input llt-input--round wb-act__picker">{d[key]}</View>
    </Picker>
  )
  return (
    <Section title="发布志愿活动">
      <Field label="活动名称" required error={errors.title}>
        <Input
          className="llt-input llt-input--round"
          value={d.title}
          placeholder="如：敬老院陪伴读报"
          maxlength={40}
          onInput={(e) => set('title', e.detail.value)}
        />
      </Field>
      <Field label="服务内容" required error={errors.content}>
        <Textarea
          className="llt-textarea llt-input--round"
          value={d.content}
          placeholder="做什么、注意事项、需要带什么"
          maxlength={2000}
          onInput={(e) => set('content', e.detail.value)}
        />
      </Field>
      <Field label="活动地点" required error={errors.venue ?? errors.location ?? errors['location.lat']}>
        <Input
          className="llt-input llt-input--round"
          value={d.venue}
          placeholder="如：青枫社区日间照料中心"
          maxlength={60}
          onInput={(e) => set('venue', e.detail.value)}
        />
        <Text className="llt-field__hint">
          {d.location ? `签到坐标：${d.location.lat.toFixed(5)}, ${d.location.lng.toFixed(5)}` : '请确定签到坐标'}
        </Text>
        <View className="wb-act__row">
          {isWeapp() && (
            <BigButton size="normal" fill="outline" loading={map.running} onClick={() => void map.run()}>
              在地图上选点
            </BigButton>
          )}
          <BigButton size="normal" fill="outline" loading={locate.running} onClick={() => void locate.run()}>
            使用我的位置
          </BigButton>
        </View>
      </Field>
      <Field label="日期和时间" required error={errors.start ?? errors.end}>
        {datePicker('date')}
        <View className="wb-act__row">
          {timePicker('startTime')}
          <Text>至</Text>
          {timePicker('endTime')}
        </View>
      </Field>
      <Field label="报名截止" required error={errors.enrollDeadline}>
        <View className="wb-act__row">
          {datePicker('deadlineDate')}
          {timePicker('deadlineTime')}
        </View>
      </Field>
      <Field label="招募人数" required error={errors.capacity}>
        <Input className="llt-input llt-input--round" type="number" value={d.capacity} onInput={(e) => set('capacity', e.detail.value)} />
      </Field>
      <Field label="每小时积分 / 本次积分上限" required error={errors.pointsPerHour ?? errors.pointsCap}>
        <View className="wb-act__row">
          <Input
            className="llt-input llt-input--round"
            type="number"
            value={d.pointsPerHour}
            onInput={(e) => set('pointsPerHour', e.detail.value)}
          />
          <Input
            className="llt-input llt-input--round"
            type="number"
            value={d.pointsCap}
            onInput={(e) => set('pointsCap', e.detail.value)}
          />
        </View>
      </Field>
      <Field label="签到范围（米）" required error={errors.radius} hint="志愿者需在活动地点这个距离内扫码">
        <Chips options={RADII.map((r) => ({ value: r, label: `${r}米` }))} value={d.radius} onChange={(r) => set('radius', r)} />
      </Field>
      <Field
        label="签到方式"
        required
        error={errors.checkinMode}
        hint={
          d.checkinMode === 'staffScan'
            ? '工作人员逐个扫志愿者的签到码，确认本人到场（推荐）'
            : '志愿者自己扫现场签到码，人多时更快，但无法确认是本人扫码'
        }
      >
        <Chips
          options={CHECKIN_MODES.map((m) => ({ value: m, label: CHECKIN_MODE_LABELS[m] }))}
          value={d.checkinMode}
          onChange={(m) => set('checkinMode', m)}
        />
      </Field>
      <View className="llt-actions">
        <BigButton block loading={publish.running} onClick={() => void publish.run()}>
          发布活动
        </BigButton>
      </View>
    </Section>
  )
}

export default function ActivityCreatePage() {
  return (
    <PageShell className="wb-activity-create">
      <CreateForm />
    </PageShell>
  )
}
