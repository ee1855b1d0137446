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
import './index.css'

/** The checked certificate as label/value lines, each on its own line. */
export function certificateFacts(c: CertificateCheck): Array<[string, string]> {
  return [
    ['持证人', c.name],
    ['志愿者编号', c.volunteerNo],
    ['服务次数', `${c.activityCount}次`],
    ['累计时长', formatHours(c.totalHours)],
    ['出具单位', c.issuer],
    ['出具日期', formatDate(c.issuedAt)]
  ]
}

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
          <View className="vol-verify__facts">
            {certificateFacts(found).map(([label, value]) => (
              <View key={label} className="vol-verify__fact">
                <Text className="vol-verify__label">{label}</Text>
                <Text className="vol-verify__value">{value}</Text>
              </View>
            ))}
          </View>
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
