// Taro build config for both targets: weapp (dist/) and h5 (dist-h5/, served by the local cloud).
import path from 'node:path'
import { defineConfig, type UserConfigExport } from '@tarojs/cli'
import { designWidth, DEVICE_RATIO, dropUnusedNutuiStyles, minifiers, splitH5Chunks, transpileWithEsbuild } from './build'
import devConfig from './dev'
import prodConfig from './prod'

const root = path.resolve(__dirname, '..')

// The contract lives outside src/ and is compiled with the app.
const contractDir = path.join(root, 'types')

/** Largest h5 root font size in CSS px (Taro's default, 40, blows a phone layout up on a desktop). */
export const ROOT_FONT_MAX = 22

/** The app's title, in one place (邻里通 is a working name). */
export const APP_TITLE = '邻里通'

export default defineConfig<'webpack5'>(async (merge) => {
  const isH5 = process.env.TARO_ENV === 'h5'
  const baseConfig: UserConfigExport<'webpack5'> = {
    projectName: 'linlitong',
    designWidth,
    deviceRatio: DEVICE_RATIO,
    sourceRoot: 'src',
    // Both targets would write to `dist` by default; h5 gets its own folder.
    outputRoot: isH5 ? 'dist-h5' : 'dist',
    plugins: [],
    defineConstants: {
      APP_TITLE: JSON.stringify(APP_TITLE),
      // The WeChat cloud environment id; empty means the mini-program's default environment.
      CLOUD_ENV: JSON.stringify(process.env.TARO_APP_CLOUD_ENV ?? '')
    },
    alias: {
      // `@contract` and `@contract/<file>` (webpack aliases match the prefix).
      '@contract': contractDir,
      '@': path.join(root, 'src')
    },
    copy: { patterns: [], options: {} },
    framework: 'react',
    compiler: { type: 'webpack5', prebundle: { enable: false } },
    cache: { enable: false },
    ...minifiers(isH5),
    mini: {
      postcss: {
        pxtransform: { enable: true, config: {} },
        cssModules: { enable: false }
      },
      compile: { include: [contractDir] },
      optimizeMainPackage: { enable: true },
      // Stylesheets are per component; their order between pages does not matter.
      miniCssExtractPluginOption: { ignoreOrder: true },
      webpackChain: (chain) => {
        transpileWithEsbuild(chain)
        dropUnusedNutuiStyles(chain)
      }
    },
    h5: {
      compile: { include: [contractDir] },
      publicPath: '/',
      staticDirectory: 'static',
      router: { mode: 'hash' },
      output: {
        filename: 'js/[name].[hash:8].js',
        chunkFilename: 'js/[name].[chunkhash:8].js'
      },
      miniCssExtractPluginOption: {
        ignoreOrder: true,
        filename: 'css/[name].[hash].css',
        chunkFilename: 'css/[name].[chunkhash].css'
      },
      postcss: {
        // The root font follows the window up to a phone's size (20 px at 375 wide, 22 px at ~412):
        // wider windows keep phone-sized type, and app.css caps the content width (desktop layout).
        pxtransform: { enable: true, config: { maxRootSize: ROOT_FONT_MAX } },
        autoprefixer: { enable: true, config: {} },
        cssModules: { enable: false }
      },
      webpackChain: (chain) => {
        transpileWithEsbuild(chain)
        splitH5Chunks(chain)
      }
    }
  }
  return merge({}, baseConfig, process.env.NODE_ENV === 'development' ? devConfig : prodConfig)
})
