// Plain-DOM stand-ins for @tarojs/components in jsdom: only the props a browser element understands
// pass through, so tests query by role, text and class as they would in the h5 build.
import { createElement, forwardRef, type ReactNode } from 'react'

type Props = Record<string, unknown> & { children?: ReactNode }

const PASS = /^(className|style|id|role|title|disabled|onClick|tabIndex|aria-.+|data-.+)$/

function domProps(props: Props): Record<string, unknown> {
  const out: Record<string, unknown> = {}
  for (const [key, value] of Object.entries(props)) {
    if (PASS.test(key)) out[key] = value
    else if (key === 'ariaLabel') out['aria-label'] = value
    else if (key === 'ariaRole') out.role = value
    else if (key === 'ariaChecked') out['aria-checked'] = value
  }
  return out
}

const element = (tag: string, name: string, extra?: (props: Props) => Record<string, unknown>) => {
  const Component = forwardRef<HTMLElement, Props>((props, ref) =>
    createElement(tag, { ...domProps(props), ...extra?.(props), ref }, props.children as ReactNode)
  )
  Component.displayName = name
  return Component
}

export const View = element('div', 'View')
export const Text = element('span', 'Text')
export const Block = ({ children }: Props) => <>{children}</>
export const ScrollView = element('div', 'ScrollView')
export const Image = element('img', 'Image', (p) => ({ src: p.src, alt: p.alt ?? '' }))
export const Label = element('label', 'Label')
export const Button = element('button', 'Button', (p) => ({
  type: 'button',
  'data-open-type': p.openType,
  onClick: p.disabled ? undefined : p.onClick
}))
export const Input = element('input', 'Input', (p) => ({
  value: p.value,
  placeholder: p.placeholder,
  onChange: (e: { target: { value: string } }) =>
    (p.onInput as ((ev: unknown) => void) | undefined)?.({ detail: { value: e.target.value } })
}))
export const Textarea = element('textarea', 'Textarea', (p) => ({
  value: p.value,
  placeholder: p.placeholder,
  onChange: (e: { target: { value: string } }) =>
    (p.onInput as ((ev: unknown) => void) | undefined)?.({ detail: { value: e.target.value } })
}))
/** The picker's children open a native sheet on devices; in tests its options are in data-range. */
export const Picker = element('div', 'Picker', (p) => ({ 'data-range': JSON.stringify(p.range ?? []) }))
export const Switch = element('input', 'Switch', (p) => ({
  type: 'checkbox',
  role: 'switch',
  checked: Boolean(p.checked),
  onChange: (e: { target: { checked: boolean } }) =>
    (p.onChange as ((ev: unknown) => void) | undefined)?.({ detail: { value: e.target.checked } })
}))
