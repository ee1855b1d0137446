// Bulk import of facilities from a CSV file: choose the file (WeChat chat file on weapp, a file picker in
// the browser) or paste its text, choose how to treat bad rows, and see every refused row with its reason.
import { Text, Textarea, View } from '@tarojs/components'
import Taro, { useRouter } from '@tarojs/taro'
import { useState } from 'react'
import { FACILITY_CSV_TEMPLATE } from '@contract/lifeCircleCsv'
import type { ImportResult } from '@contract/schemas/lifeCircle'
import { BigButton } from '@/components/BigButton'
import { PageShell } from '@/components/PageShell'
import { Section } from '@/components/Section'
import { StateView } from '@/components/StateView'
import { useAction } from '@/hooks/useAction'
import { call } from '@/services/cloud'
import { isH5, isWeapp } from '@/services/platform'
import { newRequestId } from '@/utils/form'
import { ImportSummary } from './RejectedRows'
import './index.css'

type Mode = ImportResult['mode']
const MODES: Array<{ mode: Mode; title: string; help: string }> = [
  { mode: 'partial', title: '导入合格的行', help: '不合格的行列出原因，其余照常导入' },
  { mode: 'allOrNothing', title: '全部合格才导入', help: '只要有一行不合格，就一行也不导入' }
]

async function readChatFile(): Promise<string | null> {
  try {
    const { tempFiles } = await Taro.chooseMessageFile({ count: 1, type: 'file', extension: ['csv', 'txt'] })
    return Taro.getFileSystemManager().readFileSync(tempFiles[0].path, 'utf8') as string
  } catch {
    return null // cancelled
  }
}

function BrowserFile({ onText }: { onText: (text: string) => void }) {
  return (
    <label className="wb-import__file">
      选择电脑或手机上的表格文件（CSV格式）
      <input
        type="file"
        accept=".csv,text/csv,text/plain"
        style={{ display: 'none' }}
        onChange={(e) => {
          const file = e.currentTarget.files?.[0]
          if (file) void file.text().then(onText)
        }}
      />
    </label>
  )
}

function Importer({ communityId }: { communityId: string }) {
  const [csv, setCsv] = useState('')
  const [mode, setMode] = useState<Mode>('partial')
  const [result, setResult] = useState<ImportResult | null>(null)
  // A new request id per file content: pressing 导入 again for the same file (a retry) never imports twice.
  const [requestId, setRequestId] = useState(newRequestId)

  const load = (text: string) => {
    setCsv(text)
    setResult(null)
    setRequestId(newRequestId())
  }
  const submit = useAction(async () => {
    setResult(await call('lifeCircle', 'importFacilities', { communityId, csv, mode, requestId }))
  })
  const pickChatFile = useAction(async () => {
    const text = await readChatFile()
    if (text !== null) load(text)
  })

  return (
    <View className="wb-import">
      <Section title="1. 选择文件">
        {isWeapp() && (
          <BigButton block fill="outline" loading={pickChatFile.running} onClick={() => void pickChatFile.run()}>
            从微信聊天中选择表格文件（CSV格式）
          </BigButton>
        )}
        {isH5() && <BrowserFile onText={load} />}
        <Text className="llt-text-secondary">也可以把表格内容粘贴在下面（第一行是列名，逗号分隔）：</Text>
        <Textarea
          className="wb-import__text"
          value={csv}
          maxlength={-1}
          placeholder={FACILITY_CSV_TEMPLATE}
          onInput={(e) => load(e.detail.value)}
        />
        <Text className="llt-text-secondary wb-import__hint">
          必填列：名称、类别、纬度、经度、营业时间；可选：地址、电话、节假日休息（是/否）、服务项目。
        </Text>
      </Section>
      <Section title="2. 不合格的行怎么处理">
        {MODES.map((m) => (
          <View
            key={m.mode}
            role="radio"
            aria-checked={mode === m.mode}
            className={`wb-import__mode${mode === m.mode ? ' wb-import__mode--active' : ''}`}
            onClick={() => setMode(m.mode)}
          >
            <Text className="wb-import__mode-title">
              {mode === m.mode ? '● ' : '○ '}
              {m.title}
            </Text>
            <Text className="llt-text-secondary">{m.help}</Text>
          </View>
        ))}
      </Section>
      <View className="wb-import__actions">
        <BigButton block disabled={!csv.trim()} loading={submit.running} onClick={() => void submit.run()}>
          开始导入
        </BigButton>
      </View>
      {result && (
        <Section title="导入结果">
          <ImportSummary result={result} />
        </Section>
      )}
    </View>
  )
}

function ImportPage() {
  const { params } = useRouter()
  if (!params.communityId) return <StateView state="error" title="缺少社区信息，请从设施管理进入" fullPage />
  return <Importer communityId={params.communityId} />
}

export default function FacilityImportPage() {
  return (
    <PageShell>
      <ImportPage />
    </PageShell>
  )
}
