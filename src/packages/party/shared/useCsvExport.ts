// 导出 CSV: asks the function for the whole report as CSV and saves or shares it.
import Taro from '@tarojs/taro'
import { useAction } from '@/hooks/useAction'
import { call } from '@/services/cloud'
import { saveCsv } from './csv'

export function useCsvExport(scope: { unitId: string } | { communityId: string }, period: string) {
  return useAction(async () => {
    const report = await call('party', 'reportCsv', { ...scope, period })
    await saveCsv(report.filename, report.csv)
    void Taro.showToast({ title: `已导出${report.rows}名党员`, icon: 'none' })
    return report
  })
}
