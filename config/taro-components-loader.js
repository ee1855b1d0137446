// h5: Taro's React wrappers of its web components are all declared in one module
// (@tarojs/components/lib/react/components.js), and webpack places modules in chunks, not exports: every page
// importing View from it also got Picker, Textarea, Switch … whenever any page used them. This loader makes that
// module a barrel of one module per component (`components.js?component=Picker`). The package is side-effect
// free, so webpack links each `import { Picker } from '@tarojs/components'` straight to Picker's module, and a
// chunk holds only the components its pages draw. Wired in splitH5Chunks (config/build.ts). Plain CommonJS:
// webpack requires loaders while compiling, after Taro's TypeScript hook for config/ is gone.

const IMPORT = /^import .*;$/gm
const DECLARATION = /^const (\w+) = .*;$/gm
const EXPORT = /^export \{([^}]*)\};$/m

/**
 * The source of `components.js` for one component (`component` given): the module's imports, that
 * component's declaration, its export; without one, the barrel re-exporting each component's module.
 */
function splitTaroComponents(source, component, file = './components.js') {
  const declarations = new Map([...source.matchAll(DECLARATION)].map((m) => [m[1], m[0]]))
  const exported = EXPORT.exec(source)?.[1]
    .split(',')
    .map((name) => name.trim())
    .filter(Boolean)
  if (!exported?.length || exported.some((name) => !declarations.has(name)))
    throw new Error(
      'taro-components-loader: @tarojs/components/lib/react/components.js is no longer one `const X = …;` per exported component'
    )
  if (!component) return exported.map((name) => `export { ${name} } from '${file}?component=${name}';`).join('\n') + '\n'
  const declaration = declarations.get(component)
  if (!declaration) throw new Error(`taro-components-loader: no component ${component}`)
  return [...source.matchAll(IMPORT)].map((m) => m[0]).join('\n') + `\n${declaration}\nexport { ${component} };\n`
}

module.exports = function taroComponentsLoader(source) {
  return splitTaroComponents(source, new URLSearchParams(this.resourceQuery).get('component') ?? undefined)
}
module.exports.splitTaroComponents = splitTaroComponents
