// h5: every page that is not a tab gets a title bar with a way back (NavBar), and workbench pages at
// PC width (≥ 1024 px) the desk navigation beside them (DeskNav) and their wide layout (wide.css).
// The mini-program build takes chrome.tsx (nothing) instead.
import { View } from '@tarojs/components'
import { useDeskWidth } from '@/hooks/useDeskWidth'
import { LOGIN_PAGE } from '@/routes'
import { isTabUrl } from '@/services/navigation'
import { DeskNav } from '../DeskNav'
import { deskPages } from '../DeskNav/pages'
import { NavBar } from '../NavBar'
import type { PageChromeProps } from './chrome'
import './wide.css'

export type { PageChromeProps } from './chrome'

const WORKBENCH = '/packages/workbench/'

function useDesk({ path, me }: Omit<PageChromeProps, 'children'>) {
  const wide = useDeskWidth()
  return wide && path.startsWith(WORKBENCH) && me ? deskPages(me) : []
}

export const useChromeClass = (props: Omit<PageChromeProps, 'children'>): string => (useDesk(props).length ? 'llt-page--desk' : '')

export function PageChrome({ path, me, children }: PageChromeProps) {
  const desk = useDesk({ path, me })
  return (
    <>
      {!isTabUrl(path) && path !== `/${LOGIN_PAGE}` && <NavBar />}
      {desk.length ? (
        <View className="llt-desk">
          <DeskNav pages={desk} current={path} />
          <View className="llt-desk__main">{children}</View>
        </View>
      ) : (
        children
      )}
    </>
  )
}
