// Resolves modules as Taro's h5 build does: `./x` is `./x.h5.ts(x)` when that file exists (per-platform
// files), otherwise jest's own resolution. The components project runs the app's h5 branch.
const { existsSync } = require('node:fs')
const path = require('node:path')

module.exports = (request, options) => {
  if (request.startsWith('.')) {
    for (const ext of ['.h5.tsx', '.h5.ts']) {
      const file = path.resolve(options.basedir, request + ext)
      if (existsSync(file)) return file
    }
  }
  return options.defaultResolver(request, options)
}
