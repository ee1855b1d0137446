// The one place that initialises wx-server-sdk. In WeChat cloud and in the local cloud alike, the
// environment comes from the runtime (DYNAMIC_CURRENT_ENV).
import cloud from 'wx-server-sdk'

cloud.init({ env: cloud.DYNAMIC_CURRENT_ENV, throwOnNotFound: false } as never)

// wx-server-sdk ships loose typings; the database surface is used through the helpers in db.ts.
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- the SDK's own database typings are loose
export type Database = any
export const db: Database = cloud.database()
export const _ = db.command
export const $ = db.command.aggregate
export { cloud }
