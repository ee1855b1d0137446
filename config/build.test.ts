// The weapp build's trim of NutUI's stylesheets, run on the stylesheets NutUI ships.
import { readFileSync } from 'node:fs'
import postcss from 'postcss'
import { isUnusedNutuiSelector, nutuiUnusedStyles } from './build'

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
