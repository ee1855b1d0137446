// WeChat's privacy consent (用户隐私保护指引). Feature code awaits ensurePrivacy() right before a
// privacy-scoped API (location, phone number, camera, album); it is never asked at start-up.
// The popup (components/PrivacyPopup, hosted by every PageShell) shows while a request waits;
// agreeing is recorded by WeChat (the agree button's openType) and on our server (user.consent).
import Taro from '@tarojs/taro'
import { PRIVACY_VERSION } from '@contract/enums'
import { call, CloudError } from './cloud'
import { isWeapp } from './platform'
import { session, setMe } from './session'

/** The version of the privacy guide the person agrees to. */
export const privacyVersion = (): string => PRIVACY_VERSION

/** Thrown to the feature when the person declines; showError() turns it into a toast. */
export class PrivacyDeclinedError extends CloudError {
  constructor() {
    super({ code: 'FAILED_PRECONDITION', message: '需要您同意《用户隐私保护指引》后才能使用此功能' })
    this.name = 'PrivacyDeclinedError'
  }
}

type WeappAnswer = (result: { event: 'agree' | 'disagree'; buttonId?: string }) => void

interface Waiter {
  resolve: () => void
  reject: (error: unknown) => void
}

let open = false
let waiters: Waiter[] = []
// WeChat's own pending request, when an API asked before ensurePrivacy() was called.
let weappAnswer: WeappAnswer | null = null
const listeners = new Set<() => void>()

function setOpen(value: boolean): void {
  open = value
  listeners.forEach((listener) => listener())
}

/** The popup's view of the prompt. */
export const privacyPrompt = {
  isOpen: (): boolean => open,
  subscribe(listener: () => void): () => void {
    listeners.add(listener)
    return () => listeners.delete(listener)
  }
}

async function wechatNeedsAuthorization(): Promise<boolean> {
  if (!isWeapp()) return false
  return new Promise((resolve) => {
    if (typeof Taro.getPrivacySetting !== 'function') return resolve(false) // old base library
    Taro.getPrivacySetting({
      success: (res) => resolve(res.needAuthorization),
      fail: () => resolve(false)
    })
  })
}

export async function needsPrivacyConsent(): Promise<boolean> {
  const me = session.get().me
  const serverNeeds = !me || me.needsConsent
  return serverNeeds || (await wechatNeedsAuthorization())
}

/** Resolves once the person has agreed (at once if they already had); rejects with PrivacyDeclinedError. */
export async function ensurePrivacy(): Promise<void> {
  if (!(await needsPrivacyConsent())) return
  await new Promise<void>((resolve, reject) => {
    waiters.push({ resolve, reject })
    setOpen(true)
  })
}

function settle(outcome: 'agree' | 'disagree', buttonId?: string): void {
  weappAnswer?.({ event: outcome, buttonId })
  weappAnswer = null
}

/**
 * The person tapped 同意. On weapp WeChat has already recorded it through the button's openType;
 * here the server records it. If the server fails, the popup stays so they can try again.
 */
export async function agreePrivacy(buttonId?: string): Promise<void> {
  settle('agree', buttonId)
  setMe(await call('user', 'consent', { version: PRIVACY_VERSION, agreed: true }))
  const done = waiters
  waiters = []
  setOpen(false)
  done.forEach((w) => w.resolve())
}

export function declinePrivacy(): void {
  settle('disagree')
  const done = waiters
  waiters = []
  setOpen(false)
  done.forEach((w) => w.reject(new PrivacyDeclinedError()))
}

/** Weapp: show the same popup when WeChat itself asks (an API called without ensurePrivacy first). */
export function listenForWeappPrivacyRequests(): void {
  if (!isWeapp() || typeof Taro.onNeedPrivacyAuthorization !== 'function') return
  Taro.onNeedPrivacyAuthorization((resolve) => {
    weappAnswer = resolve as WeappAnswer
    setOpen(true)
  })
}

/** Opens the full privacy guide: WeChat's own page on weapp, ours on h5. */
export function openPrivacyGuide(fallbackUrl: string): void {
  if (isWeapp() && typeof Taro.openPrivacyContract === 'function') {
    Taro.openPrivacyContract({ fail: () => void Taro.navigateTo({ url: fallbackUrl }) })
    return
  }
  void Taro.navigateTo({ url: fallbackUrl })
}

/** For tests. */
export function resetPrivacy(): void {
  waiters = []
  weappAnswer = null
  setOpen(false)
}
