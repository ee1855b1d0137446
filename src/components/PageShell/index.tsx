// The root of every page: applies elder mode, makes sure someone is signed in, hosts the privacy popup.
// On h5 it also gives every page that is not a tab a title bar with a way back (NavBar), and the staff
// workbench pages their desk navigation at PC width (DeskNav, app.css).
import { View } from '@tarojs/components'
import Taro, { useRouter } from '@tarojs/taro'
import { useEffect, type ReactNode } from 'react'
import { useDeskWidth } from '@/hooks/useDeskWidth'
import { useMe } from '@/hooks/useMe'
import { LOGIN_PAGE, loginUrl } from '@/routes'
import { isTabUrl } from '@/services/navigation'
import { isH5 } from '@/services/platform'
import { DeskNav } from '../DeskNav'
import { deskPages } from '../DeskNav/pages'
import { NavBar } from '../NavBar'
import { PrivacyPopup } from '../PrivacyPopup'
import { StateView } from '../StateView'

export interface PageShellProps {
  children?: ReactNode
  className?: string
  /** Wait for the signed-in person before showing the page (all pages but the h5 login). */
  requireSignIn?: boolean
}

const WORKBENCH = '/packages/workbench/'

/** The page's path, with a leading slash (Taro's router gives it with or without). */
const usePath = (): string => `/${(useRouter().path ?? '').split('?')[0].replace(/^\//, '')}`

export function PageShell({ children, className, requireSignIn = true }: PageShellProps) {
  const { status, error, elderMode, signIn, me } = useMe()
  const path = usePath()
  const wide = useDeskWidth()

  useEffect(() => {
    if (requireSignIn && status === 'signedOut') void Taro.reLaunch({ url: loginUrl() })
  }, [requireSignIn, status])

  let body = children
  if (requireSignIn && status !== 'ready') {
    body =
      status === 'error' ? (
        <StateView state="error" error={error} onRetry={() => void signIn().catch(() => undefined)} fullPage />
      ) : (
        <StateView state="loading" title={status === 'signedOut' ? '请先登录…' : '正在登录…'} fullPage />
      )
  }

  const titleBar = isH5() && !isTabUrl(path) && path !== `/${LOGIN_PAGE}`
  const desk = wide && path.startsWith(WORKBENCH) && me ? deskPages(me) : []
  const classes = ['llt-page', elderMode ? 'llt-elder' : '', desk.length ? 'llt-page--desk' : '', className ?? ''].filter(Boolean).join(' ')
  return (
    <View className={classes}>
      {titleBar && <NavBar />}
      {desk.length ? (
        <View className="llt-desk">
          <DeskNav pages={desk} current={path} />
          <View className="llt-desk__main">{body}</View>
        </View>
      ) : (
        body
      )}
      <PrivacyPopup />
    </View>
  )
}
