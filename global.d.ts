/// <reference types="@tarojs/taro" />

declare module '*.png' {
  const src: string
  export default src
}
declare module '*.css'

/** The app's title, from config/index.ts (defineConstants). */
declare const APP_TITLE: string
/** The WeChat cloud environment id (TARO_APP_CLOUD_ENV at build time); '' for the default one. */
declare const CLOUD_ENV: string
/** The privacy-guide version (types/schemas/user.ts), inlined at build time without bundling zod. */

declare namespace NodeJS {
  interface ProcessEnv {
    /** The build target; replaced at build time, so the other branch is dropped from the bundle. */
    TARO_ENV: 'weapp' | 'h5' | undefined
  }
}
