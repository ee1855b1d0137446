// 发布需求: staff post a community need for members and units to claim.
import { Picker, Text, View } from '@tarojs/components'
import Taro from '@tarojs/taro'
import { useRef, useState } from 'react'
import { NEED_CATEGORIES, NEED_CATEGORY_LABELS, PARTY_LIMITS, PostNeedInput, type NeedCategory } from '@contract/schemas/party'
import { BigButton } from '@/components/BigButton'
import { PageShell } from '@/components/PageShell'
import { Section } from '@/components/Section'
import { useAction } from '@/hooks/useAction'
import { pageUrl } from '@/routes'
import { call } from '@/services/cloud'
import { Chips } from '@/components/Chips'
import { Field, TextArea, TextInput } from '@/components/Field'
import { newRequestId, type FieldErrors } from '@/utils/form'
import { checkThenSend } from '@/utils/validate'
import { StaffOnly } from '../../StaffOnly'
import './index.css'

const CATEGORY_OPTIONS = NEED_CATEGORIES.map((c) => ({ value: c, label: NEED_CATEGORY_LABELS[c] }))

/** The end of a chosen day (YYYY-MM-DD) in China Standard Time. */
export const endOfDay = (day: string) => `${day}T23:59:59+08:00`

function PostForm({ communityId }: { communityId: string }) {
  const [category, setCategory] = useState<NeedCategory | null>(null)
  const [title, setTitle] = useState('')
  const [description, setDescription] = useState('')
  const [place, setPlace] = useState('')
  const [day, setDay] = useState('')
  const [errors, setErrors] = useState<FieldErrors>({})
  const requestId = useRef(newRequestId())
  const input = () => ({
    requestId: requestId.current,
    communityId,
    category: category ?? undefined,
    title,
    description,
    ...(place.trim() ? { place } : {}),
    ...(day ? { deadline: endOfDay(day) } : {})
  })
  const post = useAction(() =>
    checkThenSend(PostNeedInput, input(), setErrors, async (data) => {
      const need = await call('party', 'postNeed', data)
      void Taro.redirectTo({ url: pageUrl('party', 'need', { id: need.id }) })
    })
  )
  return (
    <>
      <Section title="需求内容">
        <Field label="类别" required error={errors.category}>
          <Chips label="需求类别" options={CATEGORY_OPTIONS} value={category} onChange={setCategory} />
        </Field>
        <Field label="标题" required error={errors.title} max={PARTY_LIMITS.needTitle} value={title}>
          <TextInput label="需求标题" value={title} onChange={setTitle} placeholder="如：三号楼楼道杂物清理" />
        </Field>
        <Field label="描述" required error={errors.description} max={PARTY_LIMITS.needDescription} value={description}>
          <TextArea label="需求描述" value={description} onChange={setDescription} placeholder="需要做什么、需要几个人" />
        </Field>
        <Field label="地点" error={errors.place}>
          <TextInput label="服务地点" value={place} onChange={setPlace} placeholder="可不填" />
        </Field>
        <Field label="截止日期" error={errors.deadline}>
          <Picker mode="date" value={day} onChange={(e) => setDay(String(e.detail.value))}>
            <View className="llt-input post__picker">
              <Text>{day || '不限'}</Text>
            </View>
          </Picker>
        </Field>
      </Section>
      <View className="llt-submit">
        <BigButton loading={post.running} onClick={() => void post.run()}>
          发布
        </BigButton>
      </View>
    </>
  )
}

export default function PostNeedPage() {
  return (
    <PageShell>
      <StaffOnly>{(communityId) => <PostForm communityId={communityId} />}</StaffOnly>
    </PageShell>
  )
}
