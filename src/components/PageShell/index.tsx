// The root of every page: applies elder mode, makes sure someone is signed in, hosts the privacy popup,
// and on tab pages keeps the 消息 tab's unread badge current.
import { View } from '@tarojs/components'
import Taro from '@tarojs/taro'
import { useEffect, type ReactNode } from 'react'
import { useMe } from '@/hooks/useMe'
import { useNoticeBadge } from '@/hooks/useNoticeBadge'
import { applyElderRoot } from '@/services/elder'
import { loginUrl } from '@/routes'
import { PrivacyPopup } from '../PrivacyPopup'
import { StateView } from '../StateView'

export interface PageShellProps {
  children?: ReactNode
  className?: string
  /** Wait for the signed-in person before showing the page (all pages but the h5 login). */
  requireSignIn?: boolean
}

export function PageShell({ children, className, requireSignIn = true }: PageShellProps) {
  const { status, error, elderMode, signIn } = useMe()
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

  const classes = ['llt-page', elderMode ? 'llt-elder' : '', className ?? ''].filter(Boolean).join(' ')
  return (
    <View className={classes}>
      {body}
      <PrivacyPopup />
    </View>
  )
}
