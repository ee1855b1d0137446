// The contract between the app and the cloud functions: one schema per action, declared once here.
export * from './enums'
export * from './envelope'
export * from './models'
export * from './contract'
export * as schemas from './schemas/common'

import { lifeCircle } from './schemas/lifeCircle'
import { party } from './schemas/party'
import { user } from './schemas/user'
import { volunteer } from './schemas/volunteer'
import { points } from './schemas/points'
import { report } from './schemas/report'
import { wish } from './schemas/wish'
import { workbench } from './schemas/workbench'

export const contract = {
  lifeCircle,
  volunteer,
  points,
  party,
  user,
  wish,
  workbench,
  report
} as const

export type Contract = typeof contract
export type FnName = keyof Contract
export type ActionOf<F extends FnName> = keyof Contract[F] & string
