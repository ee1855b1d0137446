// Build settings shared by the app (config/index.ts) and the empty baseline app of `npm run size`
// (test/fixtures/empty-app), so the two are built the same way.
import path from 'node:path'
import type Chain from 'webpack-chain'

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

/** Weapp minifies with terser (smallest packages); h5 with esbuild (much faster, Taro's web components are big). */
export const minifiers = (isH5: boolean) =>
  ({
    jsMinimizer: isH5 ? 'esbuild' : 'terser',
    esbuild: { minify: { enable: true, config: { target: 'es2017' } } }
  }) as const
