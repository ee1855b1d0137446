// A merchant (or staff of its community) lists or edits an item or service: name, photo, points price,
// stock, the per-person limit per period, pickup place and validity, on or off the shelf.
import { Input, Picker, Text, Textarea, View } from '@tarojs/components'
import { CloudImage } from '@/components/CloudImage'
import Taro, { useRouter } from '@tarojs/taro'
import { useEffect, useState } from 'react'
import { UpsertGoodsInput, type GoodsDetail } from '@contract/schemas/points'
import {
  GOODS_KIND_LABELS,
  GOODS_KINDS,
  LIMIT_PERIOD_LABELS,
  LIMIT_PERIODS,
  type GoodsKind,
  type LimitPeriod
} from '@contract/schemas/points.labels'
import { BigButton } from '@/components/BigButton'
import { PageShell } from '@/components/PageShell'
import { Section } from '@/components/Section'
import { StateView } from '@/components/StateView'
import { useAction } from '@/hooks/useAction'
import { useSignedIn } from '@/hooks/useMe'
import { useRemote } from '@/hooks/useRemote'
import { call, uploadImage } from '@/services/cloud'
import { dayjs } from '@/utils/date'
import { chooseImages } from '@/services/album'
import { Field } from '@/components/Field'
import { Chips } from '@/components/Chips'
import { Check } from '@/components/Check'
import { newRequestId, numberField, relabel } from '@/utils/form'
import { checkThenSend } from '@/utils/validate'
import { pageUrl } from '@/routes'
import { goBack } from '@/services/navigation'
import './index.css'

interface Draft {
  name: string
  kind: GoodsKind
  description: string
  photo: string | null
  price: string
  stock: string
  limitCount: string
  limitPeriod: LimitPeriod
  pickupPlace: string
  pickupDays: string
  /** Last day it can be redeemed (YYYY-MM-DD), or '' for no end. */
  validUntil: string
  onSale: boolean
}

const fresh: Draft = {
  name: '',
  kind: 'item',
  description: '',
  photo: null,
  price: '',
  stock: '',
  limitCount: '1',
  limitPeriod: 'month',
  pickupPlace: '',
  pickupDays: '7',
  validUntil: '',
  onSale: true
}

const fromGoods = (g: GoodsDetail): Draft => ({
  name: g.name,
  kind: g.kind,
  description: g.description,
  photo: g.photo,
  price: String(g.price),
  stock: String(g.stock),
  limitCount: String(g.limitCount),
  limitPeriod: g.limitPeriod,
  pickupPlace: g.pickupPlace,
  pickupDays: String(g.pickupDays),
  validUntil: g.validUntil ? dayjs(g.validUntil).format('YYYY-MM-DD') : '',
  onSale: g.onSale
})

function GoodsForm({ merchantId, goodsId, initial }: { merchantId: string; goodsId?: string; initial: Draft }) {
  const [d, setDraft] = useState(initial)
  const [errors, setErrors] = useState<Record<string, string>>({})
  useEffect(() => setDraft(initial), [initial])
  const set = <K extends keyof Draft>(key: K, value: Draft[K]) => setDraft((x) => ({ ...x, [key]: value }))
  // One per form: a repeated tap on 保存 lists a new item once.
  const [requestId] = useState(newRequestId)
  const { openid } = useSignedIn()
  const pick = useAction(async () => {
    const [path] = await chooseImages(1)
    if (path) set('photo', await uploadImage(path, openid))
  })
  const stockLabel = d.kind === 'service' ? '可约名额' : '库存'
  const save = useAction(() =>
    checkThenSend(
      UpsertGoodsInput,
      {
        ...(goodsId ? { goodsId } : { requestId }),
        merchantId,
        name: d.name,
        kind: d.kind,
        description: d.description,
        photo: d.photo ?? undefined,
        price: numberField(d.price),
        stock: numberField(d.stock),
        // What the form was loaded with: redemptions made while it was open are kept, not put back.
        stockBefore: goodsId && /^\d+$/.test(initial.stock) ? Number(initial.stock) : undefined,
        limitCount: numberField(d.limitCount),
        limitPeriod: d.limitPeriod,
        pickupPlace: d.pickupPlace,
        pickupDays: numberField(d.pickupDays),
        validUntil: d.validUntil ? dayjs(d.validUntil).endOf('day').toISOString() : undefined,
        onSale: d.onSale
      },
      (e) => setErrors(relabel(e, { stock: ['库存', stockLabel], validUntil: ['上架截止时间', '兑换截止日期'] })),
      async (data) => {
        await call('points', 'upsertGoods', data)
        void Taro.showToast({ title: '已保存', icon: 'success' })
        goBack(pageUrl('points', 'merchant'))
      }
    )
  )
  const number = (key: 'price' | 'stock' | 'limitCount' | 'pickupDays', placeholder: string) => (
    <Input
      className="llt-input llt-input--round"
      type="number"
      value={d[key]}
      placeholder={placeholder}
      onInput={(e) => set(key, e.detail.value)}
    />
  )
  return (
    <Section title={goodsId ? '编辑商品' : '上架新商品'}>
      <Field label="类型" required>
        <Chips
          options={GOODS_KINDS.map((k) => ({ value: k, label: GOODS_KIND_LABELS[k] }))}
          value={d.kind}
          onChange={(k) => set('kind', k)}
        />
      </Field>
      <Field label="名称" required error={errors.name}>
        <Input
          className="llt-input llt-input--round"
          value={d.name}
          placeholder="如：东北大米5斤、理发一次"
          maxlength={30}
          onInput={(e) => set('name', e.detail.value)}
        />
      </Field>
      <Field label="图片" error={errors.photo}>
        <View className="points-edit__photo" onClick={() => void pick.run()}>
          {d.photo ? (
            <CloudImage className="points-edit__image" src={d.photo} />
          ) : (
            <View className="points-edit__add">{pick.running ? '上传中…' : '＋ 添加图片'}</View>
          )}
        </View>
      </Field>
      <Field label="说明" error={errors.description}>
        <Textarea
          className="llt-textarea llt-input--round"
          value={d.description}
          maxlength={500}
          onInput={(e) => set('description', e.detail.value)}
        />
      </Field>
      <Field label="所需积分" required error={errors.price}>
        {number('price', '如：120')}
      </Field>
      <Field label={stockLabel} required error={errors.stock}>
        {number('stock', '如：30')}
      </Field>
      <Field label="每人限兑" required error={errors.limitCount}>
        <Chips
          options={LIMIT_PERIODS.map((p) => ({ value: p, label: LIMIT_PERIOD_LABELS[p] }))}
          value={d.limitPeriod}
          onChange={(p) => set('limitPeriod', p)}
        />
        {number('limitCount', '件数')}
      </Field>
      <Field label="领取地点" required error={errors.pickupPlace}>
        <Input
          className="llt-input llt-input--round"
          value={d.pickupPlace}
          placeholder="如：店内收银台"
          maxlength={60}
          onInput={(e) => set('pickupPlace', e.detail.value)}
        />
      </Field>
      <Field label="领取有效期（天）" required error={errors.pickupDays} hint="过期未领取自动取消，积分退回">
        {number('pickupDays', '如：7')}
      </Field>
      <Field label="兑换截止日期" error={errors.validUntil} hint="不填则长期有效">
        <View className="points-edit__until">
          <Picker
            mode="date"
            value={d.validUntil || dayjs().format('YYYY-MM-DD')}
            onChange={(e) => set('validUntil', String(e.detail.value))}
          >
            <View className="llt-input llt-input--round">{d.validUntil || '长期有效'}</View>
          </Picker>
          {d.validUntil && (
            <Text className="points-edit__clear" onClick={() => set('validUntil', '')}>
              清除
            </Text>
          )}
        </View>
      </Field>
      <Check checked={d.onSale} onChange={(on) => set('onSale', on)}>
        上架（取消勾选则下架，志愿者看不到）
      </Check>
      <View className="llt-actions">
        <BigButton block loading={save.running} onClick={() => void save.run()}>
          保存
        </BigButton>
      </View>
    </Section>
  )
}

function GoodsEdit() {
  const { params } = useRouter()
  const merchantId = params.merchantId ?? ''
  const goodsId = params.goodsId
  const existing = useRemote(() => call('points', 'goods', { goodsId: goodsId as string }), [goodsId], { enabled: Boolean(goodsId) })
  if (!goodsId) return <GoodsForm merchantId={merchantId} initial={fresh} />
  if (existing.data) return <GoodsForm merchantId={merchantId} goodsId={goodsId} initial={fromGoods(existing.data)} />
  return existing.error ? (
    <StateView state="error" error={existing.error} onRetry={() => void existing.refresh()} fullPage />
  ) : (
    <StateView state="loading" fullPage />
  )
}

export default function GoodsEditPage() {
  return (
    <PageShell className="points-goods-edit">
      <GoodsEdit />
    </PageShell>
  )
}
