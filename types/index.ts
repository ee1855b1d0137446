// The contract between the app and the cloud functions: one schema per action, declared once here.
export * from './enums'
export * from './envelope'
export * from './models'
export * from './contract'
export * as schemas from './schemas/common'

import { user } from './schemas/user'

export const contract = {
  user
} as const

export type Contract = typeof contract
export type FnName = keyof Contract
export type ActionOf<F extends FnName> = keyof Contract[F] & string
