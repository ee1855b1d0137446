// Opens any page by URL: tab pages need switchTab (without query), the rest navigateTo.
import Taro from '@tarojs/taro'
import { TAB_PAGES } from '@/routes'

const TAB_URLS = new Set<string>(Object.values(TAB_PAGES).map((p) => `/${p}`))

export function navigate(url: string): void {
  const path = url.split('?')[0]
  if (TAB_URLS.has(path)) void Taro.switchTab({ url: path })
  else void Taro.navigateTo({ url })
}
