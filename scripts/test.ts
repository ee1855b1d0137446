// `npm test`: everything CI checks, in order — the gates (type check, lint, formatting), Chromium present,
// functions + weapp + h5 built, then every jest project (unit, local-cloud, functions, hardening, components,
// simulate, e2e). Extra arguments go to jest, e.g. `npm test -- --selectProjects unit` (which skips the gates).
import { spawnSync } from 'node:child_process'

function run(cmd: string, args: string[]): void {
  const started = Date.now()
  console.log(`\n▶ ${cmd} ${args.join(' ')}`)
  const res = spawnSync(cmd, args, { stdio: 'inherit', env: process.env })
  if (res.status !== 0) {
    console.error(`✖ ${cmd} ${args.join(' ')} failed (exit ${res.status ?? res.signal})`)
    process.exit(res.status ?? 1)
  }
  console.log(`✔ ${cmd} ${args.slice(0, 2).join(' ')} (${((Date.now() - started) / 1000).toFixed(1)} s)`)
}

const jestArgs = process.argv.slice(2)
const onlySome = jestArgs.includes('--selectProjects')

if (!onlySome) {
  run('npx', ['tsc', '--noEmit', '-p', '.'])
  run('npx', ['tsc', '--noEmit', '-p', 'local-cloud'])
  run('npx', ['eslint', '.'])
  run('npx', ['prettier', '--check', '--log-level', 'warn', '.'])
}
run('npx', ['tsx', 'scripts/ensure-chromium.ts'])
run('npm', ['run', '--silent', 'build:functions'])
if (!onlySome || jestArgs.some((a) => a === 'simulate')) run('npm', ['run', '--silent', 'build:weapp'])
if (!onlySome || jestArgs.some((a) => a === 'e2e')) run('npm', ['run', '--silent', 'build:h5'])
run('npx', ['jest', '--maxWorkers=2', ...(process.env.CI ? ['--ci'] : []), ...jestArgs])
