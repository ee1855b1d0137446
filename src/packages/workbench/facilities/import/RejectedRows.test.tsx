import { render, screen } from '@testing-library/react'
import { ImportSummary } from './RejectedRows'

const rejected = [
  { line: 3, name: '无坐标药店', reasons: ['缺少经纬度'] },
  { line: 5, name: '', reasons: ['缺少名称', '未知的设施类别“网吧”'] }
]

describe('import result', () => {
  it('partial: what was imported, then every refused row with its line and reasons', () => {
    render(<ImportSummary result={{ total: 6, imported: 4, rejected, mode: 'partial' }} />)
    expect(screen.getByText('已导入4个设施')).toBeTruthy()
    expect(screen.getByText('共6行数据，其中2行不合格')).toBeTruthy()
    expect(screen.getByText('第3行')).toBeTruthy()
    expect(screen.getByText('缺少经纬度')).toBeTruthy()
    expect(screen.getByText('（无名称）')).toBeTruthy()
    expect(screen.getByText('未知的设施类别“网吧”')).toBeTruthy()
  })

  it('all-or-nothing with refused rows says nothing was imported', () => {
    render(<ImportSummary result={{ total: 6, imported: 0, rejected, mode: 'allOrNothing' }} />)
    expect(screen.getByText('有2行不合格，按“全部合格才导入”未导入任何设施')).toBeTruthy()
  })

  it('a clean file', () => {
    render(<ImportSummary result={{ total: 2, imported: 2, rejected: [], mode: 'allOrNothing' }} />)
    expect(screen.getByText('已导入2个设施')).toBeTruthy()
    expect(screen.getByText('共2行数据，全部合格')).toBeTruthy()
  })
})
