// Build settings shared by the app (config/index.ts) and the empty baseline app of `npm run size`
// (test/fixtures/empty-app), so the two are built the same way.
import path from 'node:path'
import type { Plugin as PostcssPlugin } from 'postcss'
import webpack from 'webpack'
import type Chain from 'webpack-chain'
import { BUTTON_VARIANTS, NUTUI_BUTTON_VARIANTS } from './nutui'

const root = path.resolve(__dirname, '..')

/**
 * Scripts (ours, `types/`, and the Taro/NutUI packages Taro compiles) are transpiled by esbuild-loader,
 * which ships with Taro's webpack5 runner: babel-preset-taro would need @babel/preset-react for JSX, and
 * that package is not among the project's dependencies. Plugins that Taro's platform added to its babel
 * step (on h5: transform-taroapi, which turns `Taro.showToast` into the h5 API's named import) still run,
 * in a babel pass without presets after esbuild.
 */
export function transpileWithEsbuild(chain: Chain): void {
  const rule = chain.module.rule('script')
  const platformPlugins = (rule.uses.get('babelLoader')?.get('options') as { plugins?: unknown[] } | undefined)?.plugins ?? []
  rule.uses.clear()
  if (platformPlugins.length) {
    rule
      .use('babelLoader')
      .loader(require.resolve('babel-loader'))
      .options({ babelrc: false, configFile: false, compact: false, sourceType: 'unambiguous', plugins: platformPlugins })
  }
  // Loaders run last to first: esbuild first, then the platform's babel plugins.
  rule
    .use('esbuildLoader')
    .loader(require.resolve('esbuild-loader'))
    .options({ target: 'es2017', jsx: 'automatic', jsxImportSource: 'react', tsconfig: path.join(root, 'tsconfig.json') })
}

/** NutUI is designed at 375 px, the app at Taro's 750: the width is set per file, as NutUI documents. */
export const designWidth = (input?: string | number | { file?: string }): number => {
  const file = typeof input === 'object' && input ? input.file : undefined
  return file && file.replace(/\\+/g, '/').includes('@nutui') ? 375 : 750
}

export const DEVICE_RATIO = { 640: 2.34 / 2, 750: 1, 375: 2, 828: 1.81 / 2 }

/**
 * Both targets minify with terser. esbuild (faster) only renames and folds: inside webpack's module
 * functions it keeps every function nobody calls (all of tslib, Taro's unused API helpers), and terser's
 * `unused` pass drops them — a fifth of the h5 first screen.
 */
export const minifiers = (isH5: boolean) =>
  ({
    jsMinimizer: 'terser',
    terser: {
      enable: true,
      config: {
        // Taro's weapp default escapes every non-ASCII character (`\u4e2d`, 6 bytes for a 3-byte UTF-8 Chinese
        // character); WeChat and index.html read UTF-8 scripts, and the app's UI text is Chinese.
        output: { ascii_only: false, ...(isH5 ? { quote_keys: false } : {}) },
        // Taro's h5 defaults keep function names and quote every key; nothing in the app reads either.
        ...(isH5 ? { ecma: 2017, keep_fnames: false } : {})
      }
    }
  }) as const

/**
 * Taro's React wrappers of its web components, left as published (plain ES2015 modules): esbuild would
 * rewrite the `undefined` in their pure-annotated `createReactComponent('taro-map-core', undefined, …)`
 * calls to `void 0`, which webpack does not treat as pure, so every page would ship all 100 components (map, video, swiper …).
 */
const TARO_REACT_COMPONENTS = /[\\/]node_modules[\\/]@tarojs[\\/]components[\\/]lib[\\/]react[\\/]/
const TARO_REACT_COMPONENT_LIST = /[\\/]node_modules[\\/]@tarojs[\\/]components[\\/]lib[\\/]react[\\/]components\.js$/
const TSLIB_ES6 = /[\\/]tslib[\\/]tslib\.es6\.js$/

const NODE_MODULES = /[\\/]node_modules[\\/]/

/**
 * h5 code splitting. Taro's default splits initial chunks only, so every page chunk carried its own copy
 * of the libraries it uses (410-600 KB each, 29 MB in all). Here the libraries the app shell needs (React,
 * the Taro runtime and router, the web components' core) are one `framework` chunk; libraries and our own
 * code (components, hooks, the contract) used by several pages go to chunks shared by exactly those pages;
 * a page chunk holds only that page's code. Each shared chunk is loaded once and cached (hashed names).
 * The rest of the h5 bundle shaping is here too (per-component Taro modules, Taro's styles as a stylesheet,
 * one tslib); the rules that keep the first screen small are in docs/architecture.md, "Bundles".
 */
export function splitH5Chunks(chain: Chain): void {
  chain.module.rule('script').exclude.add(TARO_REACT_COMPONENTS)
  // One module per wrapper, so a page's chunks carry only the components it draws (see the loader).
  chain.module
    .rule('taro-components-per-module')
    .test(TARO_REACT_COMPONENT_LIST)
    .use('split')
    .loader(require.resolve('./taro-components-loader'))
  // Taro injects its components' stylesheet (with the weui icon font inlined) from JavaScript, at the top of
  // <head> so that app styles override it. In production it is extracted like ours, as css/framework.css
  // linked before app.css: the same order, and no stylesheet in the scripts. (Development injects both.)
  if (chain.get('mode') === 'production') {
    chain.module.rules.delete('taroStyle')
    chain.module.rule('customStyle').exclude.clear()
  }
  // Those wrappers also bundle a private tslib; the one the rest of Taro uses serves them too. The request is
  // rewritten before it resolves: a resolved file swapped afterwards stays a second module of the same code.
  const tslib = require.resolve('tslib/tslib.es6.mjs')
  chain.plugin('one-tslib').use(webpack.NormalModuleReplacementPlugin, [
    TSLIB_ES6,
    (resolving: { context: string; request: string }) => {
      if (TARO_REACT_COMPONENTS.test(`${resolving.context}/`)) resolving.request = tslib
    }
  ])
  chain.optimization.splitChunks({
    chunks: 'all',
    minSize: 10_000,
    maxAsyncRequests: 30,
    maxInitialRequests: 30,
    cacheGroups: {
      default: false,
      defaultVendors: false,
      framework: { name: 'framework', test: NODE_MODULES, chunks: 'initial', priority: 40, enforce: true },
      vendors: { test: NODE_MODULES, minChunks: 2, priority: 20, reuseExistingChunk: true },
      common: { minChunks: 2, priority: 10, reuseExistingChunk: true }
    }
  })
}

/** NutUI's stylesheets that BigButton brings into the weapp main package (Button's and its Loading icon's). */
const NUTUI_STYLES = /[\\/]node_modules[\\/]@nutui[\\/]/

/** Button variants NutUI styles and the app never draws (see src/components/BigButton/variants.ts). */
const UNUSED_BUTTON_VARIANTS = new Set<string>(
  (Object.keys(NUTUI_BUTTON_VARIANTS) as Array<keyof typeof NUTUI_BUTTON_VARIANTS>).flatMap((prop) =>
    NUTUI_BUTTON_VARIANTS[prop].filter((variant) => !(BUTTON_VARIANTS[prop] as readonly string[]).includes(variant))
  )
)

/**
 * A selector for something the app never draws: a Button variant it does not use (`nut-button-danger`,
 * `nut-button-primary-dashed-disabled` …), or one of NutUI's icon animations (`nut-icon-am-*`), which
 * no button sets.
 */
export function isUnusedNutuiSelector(selector: string): boolean {
  for (const [, classTail] of selector.matchAll(/\.nut-button-([\w-]+)/g)) {
    if (classTail.split('-').some((part) => UNUSED_BUTTON_VARIANTS.has(part))) return true
  }
  return /\.nut-icon-am-/.test(selector)
}

/**
 * Drops the unused rules above from NutUI's stylesheets, then the keyframes no remaining rule animates
 * with. NutUI styles every Button variant and icon animation, ~10 KB of the main package's common.wxss.
 */
export const nutuiUnusedStyles: PostcssPlugin = {
  postcssPlugin: 'llt-nutui-unused-styles',
  Once(root) {
    if (!NUTUI_STYLES.test(root.source?.input.file ?? '')) return
    root.walkRules((rule) => {
      if (rule.parent?.type === 'atrule') return // keyframe steps
      const kept = rule.selectors.filter((selector) => !isUnusedNutuiSelector(selector))
      if (!kept.length) rule.remove()
      else if (kept.length < rule.selectors.length) rule.selectors = kept
    })
    const animations = new Set<string>()
    root.walkDecls(/^(-webkit-)?animation(-name)?$/, (decl) => {
      for (const word of decl.value.split(/[\s,]+/)) animations.add(word)
    })
    root.walkAtRules(/keyframes$/, (keyframes) => {
      if (!animations.has(keyframes.params)) keyframes.remove()
    })
  }
}

/** Weapp: NutUI's stylesheets without what the app never draws (nutuiUnusedStyles), in every stylesheet rule. */
export function dropUnusedNutuiStyles(chain: Chain): void {
  for (const name of ['normalCss', 'sass', 'scss', 'less', 'stylus']) {
    if (!chain.module.rules.has(name)) continue
    for (const oneOf of chain.module.rule(name).oneOfs.values()) {
      for (const use of oneOf.uses.values()) {
        if (!String(use.get('loader')).includes('postcss-loader')) continue
        use.tap((options) => {
          const postcssOptions = options.postcssOptions as { plugins: unknown[] }
          return { ...options, postcssOptions: { ...postcssOptions, plugins: [...postcssOptions.plugins, nutuiUnusedStyles] } }
        })
      }
    }
  }
}
