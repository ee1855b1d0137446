// Jest global setup for the functions project: bundle the cloud functions once before the tests run.
import { buildFunctions } from '../../scripts/build-functions'

export default async function setup(): Promise<void> {
  await buildFunctions(undefined, { quiet: true })
}
