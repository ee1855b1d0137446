// Jest transformer for the app's TSX and the ESM packages it imports (NutUI, @tarojs).
// esbuild, not babel: babel-preset-taro's JSX needs @babel/preset-react, which is not installed.
// Note: esbuild does not hoist jest.mock(); the app's tests stub at module-map level instead.
const { transformSync } = require('esbuild')
const path = require('node:path')

const LOADERS = { '.ts': 'ts', '.tsx': 'tsx', '.js': 'jsx', '.jsx': 'jsx', '.mjs': 'js', '.cjs': 'js' }

module.exports = {
  process(source, filename) {
    const { code, map } = transformSync(source, {
      loader: LOADERS[path.extname(filename)] || 'js',
      format: 'cjs',
      target: 'node20',
      jsx: 'automatic',
      // import() (code the app loads on first use) becomes a require, as jest runs without ESM support.
      supported: { 'dynamic-import': false },
      sourcemap: 'external',
      sourcefile: filename
    })
    return { code, map }
  },
  getCacheKey(source, filename) {
    return require('node:crypto').createHash('sha1').update('esbuild-2').update(filename).update(source).digest('hex')
  }
}
