// Picks the assessment year: this year and the two before.
import { recentYears } from '../../shared/period'
import { Chips } from '@/components/Chips'

export function YearPicker({ value, onChange }: { value: string; onChange: (year: string) => void }) {
  return <Chips label="考评年度" options={recentYears().map((y) => ({ value: y, label: `${y}年` }))} value={value} onChange={onChange} />
}
