// Setup of the components project: the h5 branch of the app, its build-time constants, a clean
// Taro double and no leftover fetch stub between tests.
import { taroTest } from './taro'

process.env.TARO_ENV = 'h5'
Object.assign(globalThis, {
  APP_TITLE: '邻里通',
  CLOUD_ENV: '',
  ENABLE_INNER_HTML: true,
  ENABLE_ADJACENT_HTML: true,
  ENABLE_SIZE_APIS: true,
  ENABLE_TEMPLATE_CONTENT: true,
  ENABLE_CLONE_NODE: true,
  ENABLE_CONTAINS: true,
  ENABLE_MUTATION_OBSERVER: true
})

const realFetch = globalThis.fetch
beforeEach(() => taroTest.reset())
afterEach(() => {
  globalThis.fetch = realFetch
})
