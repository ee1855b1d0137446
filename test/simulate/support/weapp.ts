// Runs the BUILT weapp (dist/, from `npm run build:weapp`) in miniprogram-simulate: WeChat's
// template compiler renders Taro's base templates, and Taro's runtime drives them as on a phone.
// What is stubbed is the platform boundary only: wx.cloud (answers envelopes) and device storage.
import { existsSync } from 'node:fs'
import path from 'node:path'

export const DIST = path.resolve(__dirname, '../../../dist')

export interface CloudCall {
  name: string
  action: string
  data: unknown
}

type Options = Record<string, unknown>
type AnyFn = (this: unknown, ...args: unknown[]) => unknown

interface Simulated {
  dom: HTMLElement
  attach: (parent: Element) => void
}

interface Simulate {
  load: (componentPath: string, options: { rootPath: string }) => string
  render: (id: string) => Simulated
}

/** Taro's page config as a custom component: methods stay methods, attach/ready drive the page lifecycle. */
function pageAsComponent(page: Options, query: Record<string, string>): Options {
  const methods: Record<string, AnyFn> = {}
  for (const [key, value] of Object.entries(page)) if (typeof value === 'function') methods[key] = value as AnyFn
  return {
    data: page.data ?? {},
    methods,
    lifetimes: {
      attached(this: Record<string, AnyFn>) {
        this.onLoad?.(query)
        this.onShow?.()
      },
      ready(this: Record<string, AnyFn>) {
        this.onReady?.()
      }
    }
  }
}

export interface Weapp {
  calls: CloudCall[]
  storage: Map<string, unknown>
  /** Renders a built page (e.g. 'pages/mine/index'), once, and waits until its text contains `text`. */
  renderPage: (route: string, text: string, timeoutMs?: number) => Promise<Simulated>
}

/** Boots dist/app.js once per test file; `answer` plays the cloud functions. */
export function bootWeapp(answer: (call: CloudCall) => unknown): Weapp {
  if (!existsSync(path.join(DIST, 'app.js'))) throw new Error('dist/app.js is missing: run `npm run build:weapp` first')
  const calls: CloudCall[] = []
  const storage = new Map<string, unknown>()
  const g = globalThis as Record<string, unknown>

  g.wx = {
    cloud: {
      init: () => undefined,
      callFunction: async ({ name, data }: { name: string; data: { action: string; data: unknown } }) => {
        const call = { name, action: data.action, data: data.data }
        calls.push(call)
        return { result: await answer(call), errMsg: 'cloud.callFunction:ok' }
      }
    },
    getStorageSync: (key: string) => (storage.has(key) ? storage.get(key) : ''),
    setStorageSync: (key: string, value: unknown) => void storage.set(key, value),
    removeStorageSync: (key: string) => void storage.delete(key),
    getPrivacySetting: ({ success }: { success: (r: { needAuthorization: boolean }) => void }) => success({ needAuthorization: false }),
    onNeedPrivacyAuthorization: () => undefined
  }
  const simulate = require('miniprogram-simulate') as Simulate

  let app: Options = {}
  let currentRoute = ''
  g.App = (options: Options) => {
    app = options
  }
  g.getApp = () => app
  g.getCurrentPages = () => (currentRoute ? [{ route: currentRoute }] : [])
  g.Page = (options: Options) => (g.Component as (o: Options) => void)(pageAsComponent(options, {}))

  require(path.join(DIST, 'app.js'))
  ;(app.onLaunch as AnyFn | undefined)?.call(app, { path: 'pages/lifeCircle/index', query: {}, scene: 1001 })
  ;(app.onShow as AnyFn | undefined)?.call(app, { path: 'pages/lifeCircle/index', query: {}, scene: 1001 })

  // miniprogram-simulate renders a path only once per file: later calls reuse the rendered page.
  const rendered = new Map<string, Simulated>()
  const render = (route: string): Simulated => {
    const existing = rendered.get(route)
    if (existing) return existing
    currentRoute = route
    const page = simulate.render(simulate.load(path.join(DIST, route), { rootPath: DIST }))
    page.attach(document.createElement('parent-wrapper'))
    rendered.set(route, page)
    return page
  }

  return {
    calls,
    storage,
    async renderPage(route, text, timeoutMs = 5000) {
      const page = render(route)
      const deadline = Date.now() + timeoutMs
      while (!(page.dom.textContent ?? '').includes(text)) {
        if (Date.now() > deadline) {
          throw new Error(`${route} did not show "${text}" within ${timeoutMs} ms; it shows: ${page.dom.textContent}`)
        }
        await new Promise((resolve) => setTimeout(resolve, 20))
      }
      return page
    }
  }
}
