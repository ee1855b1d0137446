// The rows an import refused, each with its line in the file and every reason.
import { Text, View } from '@tarojs/components'
import type { ImportResult } from '@contract/schemas/lifeCircle'

export function ImportSummary({ result }: { result: ImportResult }) {
  const refused = result.rejected.length
  const nothing = result.mode === 'allOrNothing' && refused > 0
  return (
    <View className="wb-import__summary">
      <Text className={`wb-import__headline${nothing ? ' wb-import__headline--bad' : ''}`}>
        {nothing ? `有${refused}行不合格，按“全部合格才导入”未导入任何设施` : `已导入${result.imported}个设施`}
      </Text>
      <Text className="llt-text-secondary">
        共{result.total}行数据{refused ? `，其中${refused}行不合格` : '，全部合格'}
      </Text>
      {refused > 0 && <RejectedRows rows={result.rejected} />}
    </View>
  )
}

export function RejectedRows({ rows }: { rows: ImportResult['rejected'] }) {
  return (
    <View className="wb-import__rejected" role="table">
      {rows.map((r) => (
        <View key={r.line} className="wb-import__row" role="row">
          <Text className="wb-import__line">第{r.line}行</Text>
          <View className="wb-import__why">
            <Text className="wb-import__name">{r.name || '（无名称）'}</Text>
            {r.reasons.map((reason) => (
              <Text key={reason} className="wb-import__reason">
                {reason}
              </Text>
            ))}
          </View>
        </View>
      ))}
    </View>
  )
}
