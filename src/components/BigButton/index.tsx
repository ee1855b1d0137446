// The app's button: NutUI's Button (imported per component, with its own style) at a size older
// people can hit, themed by the page's CSS variables. Its variants are the ones in config/nutui.ts.
import Button, { type ButtonProps } from '@nutui/nutui-react-taro/dist/es/packages/button'
import '@nutui/nutui-react-taro/dist/es/packages/button/style/style.css'
import type { BigButtonVariants } from '../../../config/nutui'
import './index.css'

export type BigButtonProps = Partial<Omit<ButtonProps, 'ref' | keyof BigButtonVariants> & BigButtonVariants>

export function BigButton({ type = 'primary', size = 'large', shape = 'round', className, ...rest }: BigButtonProps) {
  return <Button type={type} size={size} shape={shape} className={`llt-button${className ? ` ${className}` : ''}`} {...rest} />
}
