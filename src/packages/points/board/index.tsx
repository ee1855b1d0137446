// 积分榜: the community's volunteers ranked by points earned; names only for those who chose to show them.
import { Text, View } from '@tarojs/components'
import Taro, { usePullDownRefresh } from '@tarojs/taro'
import type { BoardRow } from '@contract/schemas/points'
import { PageHeader } from '@/components/PageHeader'
import { PageShell } from '@/components/PageShell'
import { Section } from '@/components/Section'
import { StateView } from '@/components/StateView'
import { useRemote } from '@/hooks/useRemote'
import { call } from '@/services/cloud'
import './index.css'

function Row({ row }: { row: BoardRow }) {
  return (
    <View className={`points-board__row${row.me ? ' points-board__row--me' : ''}`}>
      <Text className={`points-board__rank points-board__rank--${Math.min(row.rank, 4)}`}>{row.rank}</Text>
      <Text className="points-board__name">{row.me ? '我' : (row.name ?? '志愿者（未公开姓名）')}</Text>
      <Text className="points-board__points">{row.points}</Text>
    </View>
  )
}

function Board() {
  const board = useRemote(() => call('points', 'board', { limit: 50 }))
  usePullDownRefresh(() => void board.refresh().finally(() => void Taro.stopPullDownRefresh()))
  if (!board.data)
    return board.error ? (
      <StateView state="error" error={board.error} onRetry={() => void board.refresh()} fullPage />
    ) : (
      <StateView state="loading" fullPage />
    )
  const b = board.data
  const me = b.me
  return (
    <>
      <PageHeader
        title={`${b.communityName}积分榜`}
        subtitle={me ? (me.rank ? `我排第 ${me.rank} 名，累计 ${me.points} 积分` : `我累计 ${me.points} 积分`) : '按累计获得的志愿积分排名'}
      />
      {me && !me.optIn && (
        <Section>
          <Text className="llt-text-secondary">您选择了不在积分榜显示姓名，可在“我的志愿”中更改。</Text>
        </Section>
      )}
      <Section>
        {b.items.length ? (
          b.items.map((row, i) => <Row key={`${row.rank}-${i}`} row={row} />)
        ) : (
          <StateView state="empty" title="还没有人获得积分" />
        )}
      </Section>
    </>
  )
}

export default function BoardPage() {
  return (
    <PageShell className="points-board">
      <Board />
    </PageShell>
  )
}
