// Types of the plain CommonJS loader beside this file.
import type { LoaderContext } from 'webpack'

declare function taroComponentsLoader(this: LoaderContext<unknown>, source: string): string
declare namespace taroComponentsLoader {
  /** The source of Taro's `components.js` for one component, or (without one) the barrel of every component's module. */
  function splitTaroComponents(source: string, component?: string, file?: string): string
}
export = taroComponentsLoader
