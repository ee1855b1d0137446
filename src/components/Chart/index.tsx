// The app's one chart: horizontal bars (a category per row, an optional second value drawn inside) or a line
// through the months. Drawn with plain Views and CSS percentages, so the same component renders in the
// mini-program and on h5 without canvas; every value is also written out, for people who read numbers
// rather than shapes (and for screen readers).
import { Text, View } from '@tarojs/components'
import './index.css'

export interface BarDatum {
  label: string
  value: number
  /** A part of the value drawn darker inside the bar (e.g. confirmed of published). */
  part?: number
  /** The text at the end of the bar; the formatted value by default. */
  note?: string
}

export interface LinePoint {
  label: string
  value: number
}

type Format = (v: number) => string

export type ChartProps =
  | { kind: 'bars'; data: readonly BarDatum[]; max?: number; legend?: readonly [string, string?]; format?: Format; title?: string }
  | { kind: 'line'; data: readonly LinePoint[]; format?: Format; title?: string }

const plain: Format = (v) => String(Math.round(v * 10) / 10)
const pct = (part: number, whole: number) => (whole > 0 ? Math.max(0, Math.min(100, (part / whole) * 100)) : 0)
const round2 = (x: number) => Math.round(x * 100) / 100

function Bars({ data, max, legend, format = plain, title }: Extract<ChartProps, { kind: 'bars' }>) {
  const top = max ?? Math.max(0, ...data.map((d) => d.value))
  // Without parts there is one value per row: draw it in the strong colour.
  const bar = data.some((d) => d.part !== undefined) ? 'llt-chart__bar' : 'llt-chart__bar llt-chart__bar--solid'
  return (
    <View className="llt-chart llt-chart--bars" role="list" aria-label={title}>
      {legend && (
        <View className="llt-chart__legend">
          <Text className="llt-chart__key llt-chart__key--value">{legend[0]}</Text>
          {legend[1] && <Text className="llt-chart__key llt-chart__key--part">{legend[1]}</Text>}
        </View>
      )}
      {data.map((d) => (
        <View key={d.label} className="llt-chart__row" role="listitem" aria-label={`${d.label} ${d.note ?? format(d.value)}`}>
          <Text className="llt-chart__label">{d.label}</Text>
          <View className="llt-chart__track">
            <View className={bar} style={{ width: `${round2(pct(d.value, top))}%` }}>
              {d.part !== undefined && <View className="llt-chart__part" style={{ width: `${round2(pct(d.part, d.value))}%` }} />}
            </View>
          </View>
          <Text className="llt-chart__value">{d.note ?? format(d.value)}</Text>
        </View>
      ))}
    </View>
  )
}

/** Where each point sits, in percent of the plot: x at the middle of its column, y from the top. */
export function linePositions(values: readonly number[]): Array<{ x: number; y: number }> {
  const top = Math.max(0, ...values)
  const n = values.length
  // The highest point stays below the top edge, leaving room for its label.
  return values.map((v, i) => ({ x: round2(((i + 0.5) / n) * 100), y: round2(100 - (top > 0 ? (v / top) * 85 : 0)) }))
}

function Line({ data, format = plain, title }: Extract<ChartProps, { kind: 'line' }>) {
  const at = linePositions(data.map((d) => d.value))
  const THICK = 1.6
  return (
    <View
      className="llt-chart llt-chart--line"
      role="img"
      aria-label={`${title ?? ''} ${data.map((d) => `${d.label}${format(d.value)}`).join('，')}`}
    >
      <View className="llt-chart__plot">
        {at.slice(1).map((b, i) => {
          const a = at[i]
          // A band from point a to point b clipped out of a column as wide as the gap between them.
          const band = `polygon(0% ${a.y - THICK}%, 100% ${b.y - THICK}%, 100% ${b.y + THICK}%, 0% ${a.y + THICK}%)`
          const area = `polygon(0% ${a.y}%, 100% ${b.y}%, 100% 100%, 0% 100%)`
          const style = { left: `${a.x}%`, width: `${round2(b.x - a.x)}%` }
          return (
            <View key={data[i + 1].label} className="llt-chart__segment" style={style}>
              <View className="llt-chart__area" style={{ clipPath: area, WebkitClipPath: area }} />
              <View className="llt-chart__stroke" style={{ clipPath: band, WebkitClipPath: band }} />
            </View>
          )
        })}
        {at.map((p, i) => (
          <View key={data[i].label} className="llt-chart__point" style={{ left: `${p.x}%`, top: `${p.y}%` }}>
            <Text className="llt-chart__point-value">{format(data[i].value)}</Text>
          </View>
        ))}
      </View>
      <View className="llt-chart__axis">
        {data.map((d) => (
          <Text key={d.label} className="llt-chart__tick">
            {d.label}
          </Text>
        ))}
      </View>
    </View>
  )
}

export function Chart(props: ChartProps) {
  if (!props.data.length) return <Text className="llt-text-secondary">暂无数据</Text>
  return props.kind === 'bars' ? <Bars {...props} /> : <Line {...props} />
}
