// The left navigation of the staff desk at PC width (≥ 1024 px, h5): every workbench page the person
// may use, the open one marked. Below that width it is hidden and the pages keep their phone layout.
import { Text, View } from '@tarojs/components'
import Taro from '@tarojs/taro'
import type { WorkbenchPage } from './pages'
import './index.css'

export interface DeskNavProps {
  pages: readonly WorkbenchPage[]
  /** The path of the page on screen, e.g. /packages/workbench/street/index. */
  current: string
}

const pathOf = (url: string) => url.split('?')[0]

export function DeskNav({ pages, current }: DeskNavProps) {
  return (
    <View className="llt-desknav" role="navigation" aria-label="工作台导航">
      {pages.map((p) => {
        const active = pathOf(p.url) === pathOf(current)
        return (
          <View
            key={p.url}
            className={`llt-desknav__item${active ? ' llt-desknav__item--active' : ''}`}
            aria-current={active ? 'page' : undefined}
            // redirectTo: moving between desk pages must not pile up a history to walk back through.
            onClick={() => void (active ? undefined : Taro.redirectTo({ url: p.url }))}
          >
            <Text>{p.title}</Text>
          </View>
        )
      })}
    </View>
  )
}
