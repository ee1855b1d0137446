// Opening the report pages from anywhere in the subpackage (and the workbench).
import Taro from '@tarojs/taro'
import { pageUrl } from '@/routes'

export const openReport = (r: { id: string }) => void Taro.navigateTo({ url: pageUrl('report', 'detail', { id: r.id }) })
export const openPostForm = (query?: { patrol?: string }) => void Taro.navigateTo({ url: pageUrl('report', 'post', query) })
