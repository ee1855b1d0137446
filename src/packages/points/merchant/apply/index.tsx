// Applying to join the points supermarket as a shop or a skilled individual (达人).
import { Input, Textarea, View } from '@tarojs/components'
import Taro from '@tarojs/taro'
import { useState } from 'react'
import { MERCHANT_KIND_LABELS, MERCHANT_KINDS, type MerchantKind } from '@contract/schemas/points.labels'
import { BigButton } from '@/components/BigButton'
import { CommunityPicker } from '@/components/CommunityPicker'
import { PageShell } from '@/components/PageShell'
import { Section } from '@/components/Section'
import { useAction } from '@/hooks/useAction'
import { useSignedIn } from '@/hooks/useMe'
import { pageUrl } from '@/routes'
import { call } from '@/services/cloud'
import { Field } from '@/components/Field'
import { Chips } from '@/components/Chips'
import { ApplyMerchantInput } from '@contract/schemas/points'
import { relabel } from '@/utils/form'
import { checkThenSend } from '@/utils/validate'

function ApplyForm() {
  const me = useSignedIn()
  const [d, setDraft] = useState({
    name: '',
    kind: 'shop' as MerchantKind,
    communityId: me.communityId ?? '',
    contactName: me.realName ?? '',
    contactPhone: '',
    address: '',
    description: ''
  })
  const [errors, setErrors] = useState<Record<string, string>>({})
  const set = <K extends keyof typeof d>(key: K, value: (typeof d)[K]) => setDraft((x) => ({ ...x, [key]: value }))
  const nameLabel = d.kind === 'shop' ? '店名' : '达人名称'
  const submit = useAction(() =>
    checkThenSend(
      ApplyMerchantInput,
      d,
      (e) => setErrors(relabel(e, { name: ['商家名称', nameLabel] })),
      async (data) => {
        await call('points', 'applyMerchant', data)
        void Taro.showToast({ title: '已提交，等待社区审核', icon: 'none' })
        void Taro.redirectTo({ url: pageUrl('points', 'merchant') })
      }
    )
  )
  return (
    <Section title="申请入驻积分超市">
      <Field label="类型" required>
        <Chips
          options={MERCHANT_KINDS.map((k) => ({ value: k, label: MERCHANT_KIND_LABELS[k] }))}
          value={d.kind}
          onChange={(k) => set('kind', k)}
        />
      </Field>
      <Field label={nameLabel} required error={errors.name}>
        <Input
          className="llt-input llt-input--round"
          value={d.name}
          placeholder={d.kind === 'shop' ? '如：惠民便利店' : '如：老周理发'}
          maxlength={30}
          onInput={(e) => set('name', e.detail.value)}
        />
      </Field>
      <Field label="所在社区" required error={errors.communityId}>
        <CommunityPicker label={null} value={d.communityId} onChange={(c) => set('communityId', c.id)} />
      </Field>
      <Field label="联系人" required error={errors.contactName}>
        <Input
          className="llt-input llt-input--round"
          value={d.contactName}
          maxlength={20}
          onInput={(e) => set('contactName', e.detail.value)}
        />
      </Field>
      <Field label="联系电话" required error={errors.contactPhone} hint="只有社区工作人员能看到完整号码">
        <Input
          className="llt-input llt-input--round"
          type="number"
          value={d.contactPhone}
          placeholder="11位手机号"
          maxlength={13}
          onInput={(e) => set('contactPhone', e.detail.value)}
        />
      </Field>
      <Field label="地址" required error={errors.address}>
        <Input
          className="llt-input llt-input--round"
          value={d.address}
          placeholder="店铺地址或服务地点"
          maxlength={60}
          onInput={(e) => set('address', e.detail.value)}
        />
      </Field>
      <Field label="简介" required error={errors.description}>
        <Textarea
          className="llt-textarea llt-input--round"
          value={d.description}
          placeholder="能提供什么商品或服务"
          maxlength={300}
          onInput={(e) => set('description', e.detail.value)}
        />
      </Field>
      <View className="llt-actions">
        <BigButton block loading={submit.running} onClick={() => void submit.run()}>
          提交申请
        </BigButton>
      </View>
    </Section>
  )
}

export default function MerchantApplyPage() {
  return (
    <PageShell className="points-apply">
      <ApplyForm />
    </PageShell>
  )
}
