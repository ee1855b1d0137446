// The weapp build's trim of NutUI's stylesheets, run on the stylesheets NutUI ships; the h5 build's split of
// Taro's React components, run on the module Taro ships.
import { readFileSync } from 'node:fs'
import postcss from 'postcss'
import { isUnusedNutuiSelector, nutuiUnusedStyles } from './build'
import { splitTaroComponents } from './taro-components-loader'

const trim = (file: string) => {
  const from = require.resolve(file)
  return postcss([nutuiUnusedStyles]).process(readFileSync(from, 'utf8'), { from }).css
}

const classes = (css: string) => new Set(css.match(/\.nut-[\w-]+/g))

describe('nutuiUnusedStyles', () => {
  it('keeps the Button variants BigButton draws and drops the others', () => {
    const kept = classes(trim('@nutui/nutui-react-taro/dist/es/packages/button/style/style.css'))
    for (const name of [
      'nut-button',
      'nut-button-primary',
      'nut-button-default',
      'nut-button-outline',
      'nut-button-none',
      'nut-button-primary-outline-disabled',
      'nut-button-large',
      'nut-button-normal',
      'nut-button-small',
      'nut-button-round',
      'nut-button-block',
      'nut-button-loading',
      'nut-button-disabled'
    ])
      expect(kept).toContain(`.${name}`)
    for (const name of ['danger', 'success', 'warning', 'info', 'dashed', 'xlarge', 'mini', 'square'])
      expect([...kept].filter((c) => c.split('-').includes(name))).toEqual([])
  })

  it("keeps the icons' loading spin and drops their other animations", () => {
    const css = trim('@nutui/icons-react-taro/dist/style_icon.css')
    expect(css).toContain('.nut-icon-loading')
    expect(css).toMatch(/@keyframes rotation\b/)
    expect(css).not.toContain('nut-icon-am-')
    expect(css).not.toMatch(/@keyframes nut/)
  })

  it('leaves stylesheets outside NutUI alone', () => {
    const css = '.nut-button-danger { color: red } @keyframes nutJump { to { opacity: 0 } }'
    expect(postcss([nutuiUnusedStyles]).process(css, { from: '/app/src/x.css' }).css).toBe(css)
  })

  it('drops only the unused selectors of a shared rule', () => {
    expect(isUnusedNutuiSelector('.nut-button-primary-dashed-disabled')).toBe(true)
    expect(isUnusedNutuiSelector('.nut-button-primary-outline-disabled')).toBe(false)
    expect(isUnusedNutuiSelector('.nut-button-text-right')).toBe(false)
    const from = '/x/node_modules/@nutui/button.css'
    expect(postcss([nutuiUnusedStyles]).process('.nut-button-mini,.nut-button-small{height:1px}', { from }).css).toBe(
      '.nut-button-small{height:1px}'
    )
  })
})

describe('taro-components-loader', () => {
  const file = require.resolve('@tarojs/components/lib/react/components.js')
  const source = readFileSync(file, 'utf8')

  it("makes Taro's React components module a barrel of one module per component", () => {
    const barrel = splitTaroComponents(source)
    expect(barrel).toContain("export { Picker } from './components.js?component=Picker';")
    expect(barrel).toContain("export { View } from './components.js?component=View';")
    expect(barrel).not.toContain('createReactComponent')
  })

  it("gives one component's module its declaration and the imports, not the other components", () => {
    const picker = splitTaroComponents(source, 'Picker')
    expect(picker).toMatch(/^const Picker = .*createReactComponent\('taro-picker-core'.*;$/m)
    expect(picker).toContain('export { Picker };')
    expect(picker).toContain("from './react-component-lib/createComponent.js';")
    expect(picker).not.toMatch(/^const (View|Textarea) =/m)
  })

  it('fails the build when the published module no longer has that shape', () => {
    expect(() => splitTaroComponents('export { View };')).toThrow(/no longer one/)
    expect(() => splitTaroComponents(source, 'Nothing')).toThrow(/no component Nothing/)
  })
})
