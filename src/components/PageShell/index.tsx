// The root of every page: applies elder mode, makes sure someone is signed in, hosts the privacy popup,
// and on tab pages keeps the 消息 tab's unread badge current. On h5 it also gives every page that is not a
// tab a title bar with a way back, and the staff workbench pages their desk navigation at PC width
// (chrome.h5.tsx; the mini-program has WeChat's own bar).
import { View } from '@tarojs/components'
import Taro, { useRouter } from '@tarojs/taro'
import { useEffect, type ReactNode } from 'react'
import { useMe } from '@/hooks/useMe'
import { useNoticeBadge } from '@/hooks/useNoticeBadge'
import { applyElderRoot } from '@/services/elder'
import { loginUrl } from '@/routes'
import { PrivacyPopup } from '../PrivacyPopup'
import { StateView } from '../StateView'
import { PageChrome, useChromeClass } from './chrome'

export interface PageShellProps {
  children?: ReactNode
  className?: string
  /** Wait for the signed-in person before showing the page (all pages but the h5 login). */
  requireSignIn?: boolean
}

/** The page's path, with a leading slash (Taro's router gives it with or without). */
const usePath = (): string => `/${(useRouter().path ?? '').split('?')[0].replace(/^\//, '')}`

export function PageShell({ children, className, requireSignIn = true }: PageShellProps) {
  const { status, error, elderMode, signIn, me } = useMe()
  const path = usePath()
  const chromeClass = useChromeClass({ path, me })
  useNoticeBadge(status === 'ready')

  useEffect(() => applyElderRoot(elderMode), [elderMode])

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

  const classes = ['llt-page', elderMode ? 'llt-elder' : '', chromeClass, className ?? ''].filter(Boolean).join(' ')
  return (
    <View className={classes}>
      <PageChrome path={path} me={me}>
        {body}
      </PageChrome>
      <PrivacyPopup />
    </View>
  )
}
