// What PageShell puts around a page's content besides elder mode and sign-in. In the mini-program:
// nothing — WeChat draws the title bar and its back button. The h5 build takes chrome.h5.tsx instead
// (Taro picks `<name>.h5.tsx` for h5), so its title bar and desk layout never reach the weapp package.
import type { ReactNode } from 'react'
import type { Me } from '@contract'

export interface PageChromeProps {
  /** The page's path, e.g. /packages/wish/mine/index. */
  path: string
  me: Me | null
  children?: ReactNode
}

/** Extra classes for the page root (h5: `llt-page--desk` at PC width on workbench pages). */
export const useChromeClass = (_props: Omit<PageChromeProps, 'children'>): string => ''

export function PageChrome({ children }: PageChromeProps) {
  return <>{children}</>
}
