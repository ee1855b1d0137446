// The CSV reports of a community for a period: one button each. The file is downloaded on h5 and shared to
// a chat (or opened) in the mini-program.
import { Text, View } from '@tarojs/components'
import Taro from '@tarojs/taro'
import { useState } from 'react'
import { EXPORT_KINDS, EXPORT_LABELS, type ExportKind } from '@contract/workbench'
import { BigButton } from '@/components/BigButton'
import { call, showError } from '@/services/cloud'
import { saveCsv, type Saved } from '../shared/saveCsv'

const DONE: Record<Saved, string> = { downloaded: '已下载', shared: '已发送', opened: '已打开', saved: '已保存到本机' }

export function Exports({ communityId, period }: { communityId: string; period: string }) {
  const [busy, setBusy] = useState<ExportKind | null>(null)
  const run = async (kind: ExportKind) => {
    setBusy(kind)
    try {
      const file = await call('workbench', 'exportCsv', { kind, communityId, period })
      const how = await saveCsv(file)
      const rows = file.rows ? `${file.rows}条` : '无数据，仅含表头'
      void Taro.showToast({ title: `${DONE[how]}：${rows}${file.masked ? '（个人信息已脱敏）' : ''}`, icon: 'none', duration: 2500 })
    } catch (e) {
      showError(e)
    } finally {
      setBusy(null)
    }
  }
  return (
    <View className="wb-exports">
      <Text className="llt-text-secondary">导出的表格可用 Excel 或 WPS 直接打开；手机号等个人信息按您的权限脱敏。</Text>
      <View className="wb-exports__grid">
        {EXPORT_KINDS.map((kind) => (
          <BigButton
            key={kind}
            type="default"
            size="normal"
            className="wb-exports__button"
            loading={busy === kind}
            disabled={busy !== null && busy !== kind}
            onClick={() => void run(kind)}
          >
            {EXPORT_LABELS[kind]}
          </BigButton>
        ))}
      </View>
    </View>
  )
}
