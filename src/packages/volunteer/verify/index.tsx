// Anyone can check a certificate by its number: the holder's masked name, hours and issuer.
import { Input, Text, View } from '@tarojs/components'
import { useState } from 'react'
import type { CertificateCheck } from '@contract/schemas/volunteer'
import { BigButton } from '@/components/BigButton'
import { PageShell } from '@/components/PageShell'
import { Section } from '@/components/Section'
import { useAction } from '@/hooks/useAction'
import { call } from '@/services/cloud'
import { formatDate } from '@/utils/date'
import { Field } from '@/components/Field'
import { formatHours } from '../format'

function Verify() {
  const [number, setNumber] = useState('')
  const [found, setFound] = useState<CertificateCheck | null>(null)
  const check = useAction(async () => {
    setFound(null)
    setFound(await call('volunteer', 'verifyCertificate', { number }))
  })
  return (
    <>
      <Section title="核验志愿服务记录证明">
        <Field label="证明编号" hint="如 ZYJL-2026-7K3M9Q2XWD，见证明底部">
          <Input
            className="llt-input llt-input--round"
            value={number}
            placeholder="请输入证明编号"
            maxlength={30}
            onInput={(e) => setNumber(e.detail.value)}
          />
        </Field>
        <View className="llt-actions">
          <BigButton block loading={check.running} disabled={!number.trim()} onClick={() => void check.run()}>
            核验
          </BigButton>
        </View>
      </Section>
      {found && (
        <Section title="证明有效">
          <Text className="llt-field__label">
            持证人：{found.name}（编号 {found.volunteerNo}）
          </Text>
          <Text className="llt-text-secondary">
            {found.activityCount}次服务，累计{formatHours(found.totalHours)}
          </Text>
          <Text className="llt-text-secondary">
            出具单位：{found.issuer}，{formatDate(found.issuedAt)}
          </Text>
        </Section>
      )}
    </>
  )
}

export default function VolunteerVerifyPage() {
  return (
    <PageShell className="vol-verify">
      <Verify />
    </PageShell>
  )
}
