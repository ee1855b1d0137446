// The NutUI Button variants the app draws. BigButton's props (src/components/BigButton) accept only these,
// and the weapp build drops NutUI's styles for every other variant (build.ts, nutuiUnusedStyles): to draw
// another, add it here. (Here, not beside BigButton, because Taro loads the build config only from config/.)
import type { ButtonFill, ButtonShape, ButtonSize, ButtonType } from '@nutui/nutui-react-taro/dist/es/packages/button'

export const BUTTON_VARIANTS = {
  type: ['default', 'primary'],
  fill: ['solid', 'outline', 'none'],
  size: ['large', 'normal', 'small'],
  shape: ['round']
} as const satisfies {
  type: readonly ButtonType[]
  fill: readonly ButtonFill[]
  size: readonly ButtonSize[]
  shape: readonly ButtonShape[]
}

/** Every variant NutUI's Button stylesheet has a class for (`nut-button-<variant>`, `nut-button-primary-outline` …). */
export const NUTUI_BUTTON_VARIANTS = {
  type: ['default', 'primary', 'info', 'success', 'warning', 'danger'],
  fill: ['solid', 'outline', 'dashed', 'none'],
  size: ['xlarge', 'large', 'normal', 'small', 'mini'],
  shape: ['square', 'round']
} as const satisfies {
  type: readonly ButtonType[]
  fill: readonly ButtonFill[]
  size: readonly ButtonSize[]
  shape: readonly ButtonShape[]
}

type Used<K extends keyof typeof BUTTON_VARIANTS> = (typeof BUTTON_VARIANTS)[K][number]
export type BigButtonVariants = { type: Used<'type'>; fill: Used<'fill'>; size: Used<'size'>; shape: Used<'shape'> }
