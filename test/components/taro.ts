// Test double of @tarojs/taro for the components project: storage in memory, navigation and toasts
// recorded, page lifecycle hooks that the test fires (taroTest.pullDownRefresh() …).
import { useEffect, useRef } from 'react'

type Handler = (...args: unknown[]) => void
type HookName = 'pullDownRefresh' | 'reachBottom' | 'didShow' | 'didHide'

const hooks: Record<HookName, Set<{ current: Handler }>> = {
  pullDownRefresh: new Set(),
  reachBottom: new Set(),
  didShow: new Set(),
  didHide: new Set()
}

export const taroTest = {
  storage: new Map<string, unknown>(),
  toasts: [] as Array<{ title: string; icon?: string }>,
  navigations: [] as Array<{ kind: string; url: string }>,
  /** Every Taro.showModal asked, in order. */
  modals: [] as Array<{ title?: string; content?: string }>,
  stopPullDownRefreshCalls: 0,
  /** Every tab-bar badge set (its text) or removed (null), in order. */
  badges: [] as Array<{ index: number; text: string | null }>,
  /** What Taro.showModal answers. */
  modalConfirms: true,
  /** The local paths Taro.chooseImage answers (the pictures the person picks). */
  images: [] as string[],
  /** The page on screen: its route (useRouter, getCurrentInstance), its config and how deep the stack is. */
  route: { path: '/', params: {} as Record<string, string> },
  pageConfig: {} as { navigationBarTitleText?: string },
  stackDepth: 1,
  fire(name: HookName): void {
    hooks[name].forEach((ref) => ref.current())
  },
  pullDownRefresh(): void {
    this.fire('pullDownRefresh')
  },
  reachBottom(): void {
    this.fire('reachBottom')
  },
  reset(): void {
    this.storage.clear()
    this.toasts.length = 0
    this.navigations.length = 0
    this.modals.length = 0
    this.stopPullDownRefreshCalls = 0
    this.badges.length = 0
    this.modalConfirms = true
    this.images = []
    this.route = { path: '/', params: {} }
    this.pageConfig = {}
    this.stackDepth = 1
  }
}

function pageHook(name: HookName) {
  return (fn: Handler) => {
    const ref = useRef(fn)
    ref.current = fn
    useEffect(() => {
      hooks[name].add(ref)
      return () => void hooks[name].delete(ref)
    }, [])
  }
}

export const usePullDownRefresh = pageHook('pullDownRefresh')
export const useReachBottom = pageHook('reachBottom')
export const useDidShow = pageHook('didShow')
export const useDidHide = pageHook('didHide')
export const useLoad = (_fn: Handler) => undefined
export const useReady = (_fn: Handler) => undefined
export const useLaunch = (_fn: Handler) => undefined
export const useRouter = () => taroTest.route

const navigate =
  (kind: string) =>
  async ({ url }: { url: string }) => {
    taroTest.navigations.push({ kind, url })
    return { errMsg: `${kind}:ok` }
  }

export const ENV_TYPE = { WEAPP: 'WEAPP', WEB: 'WEB', RN: 'RN', SWAN: 'SWAN', ALIPAY: 'ALIPAY', TT: 'TT', QQ: 'QQ', JD: 'JD' }

const Taro = {
  ENV_TYPE,
  getEnv: () => ENV_TYPE.WEB,
  getStorageSync: (key: string) => (taroTest.storage.has(key) ? taroTest.storage.get(key) : ''),
  setStorageSync: (key: string, value: unknown) => void taroTest.storage.set(key, value),
  removeStorageSync: (key: string) => void taroTest.storage.delete(key),
  showToast: async (option: { title: string; icon?: string }) => {
    taroTest.toasts.push(option)
    return { errMsg: 'showToast:ok' }
  },
  showModal: async (o: { title?: string; content?: string }) => {
    taroTest.modals.push({ title: o.title, content: o.content })
    return { confirm: taroTest.modalConfirms, cancel: !taroTest.modalConfirms, errMsg: 'showModal:ok' }
  },
  navigateTo: navigate('navigateTo'),
  switchTab: navigate('switchTab'),
  reLaunch: navigate('reLaunch'),
  redirectTo: navigate('redirectTo'),
  navigateBack: async () => {
    taroTest.navigations.push({ kind: 'navigateBack', url: '' })
    return { errMsg: 'navigateBack:ok' }
  },
  getCurrentPages: () => Array.from({ length: taroTest.stackDepth }, () => ({})),
  stopPullDownRefresh: () => {
    taroTest.stopPullDownRefreshCalls++
  },
  getLocation: async () => ({ latitude: 31.3526, longitude: 118.4331 }),
  chooseImage: async () => ({ tempFilePaths: [...taroTest.images], errMsg: 'chooseImage:ok' }),
  pxTransform: (size: number) => `${size / 2}px`,
  nextTick: (fn: () => void) => setTimeout(fn, 0),
  getSystemInfoSync: () => ({ windowWidth: 375, windowHeight: 812, pixelRatio: 2, platform: 'devtools' }),
  getWindowInfo: () => ({ windowWidth: 375, windowHeight: 812, pixelRatio: 2 }),
  createSelectorQuery: () => {
    const query = {
      select: () => query,
      selectAll: () => query,
      boundingClientRect: () => query,
      exec: (cb?: (res: unknown[]) => void) => cb?.([])
    }
    return query
  },
  getCurrentInstance: () => ({ router: taroTest.route, page: { config: taroTest.pageConfig } }),
  setTabBarBadge: async ({ index, text }: { index: number; text: string }) => {
    taroTest.badges.push({ index, text })
    return { errMsg: 'setTabBarBadge:ok' }
  },
  removeTabBarBadge: async ({ index }: { index: number }) => {
    taroTest.badges.push({ index, text: null })
    return { errMsg: 'removeTabBarBadge:ok' }
  },
  cloud: {
    init: () => undefined,
    callFunction: async () => {
      throw new Error('the components project runs the h5 branch: stub fetch instead')
    }
  },
  usePullDownRefresh,
  useReachBottom,
  useDidShow,
  useDidHide,
  useLoad,
  useReady,
  useLaunch,
  useRouter
}

export const getEnv = Taro.getEnv
export const pxTransform = Taro.pxTransform
export const nextTick = Taro.nextTick
export const createSelectorQuery = Taro.createSelectorQuery
export const getSystemInfoSync = Taro.getSystemInfoSync
export const getCurrentInstance = Taro.getCurrentInstance
export default Taro
