// Bundles every cloud function (cloudfunctions/<name>/src/index.ts) into cloudfunctions/<name>/index.js
// with esbuild, wx-server-sdk left external so WeChat cloud installs it from the function's package.json.
import { build } from 'esbuild'
import { existsSync, readdirSync } from 'node:fs'
import { join } from 'node:path'

export const FUNCTIONS_DIR = join(__dirname, '..', 'cloudfunctions')

export function functionNames(): string[] {
  return readdirSync(FUNCTIONS_DIR, { withFileTypes: true })
    .filter((d) => d.isDirectory() && !d.name.startsWith('_') && existsSync(join(FUNCTIONS_DIR, d.name, 'src', 'index.ts')))
    .map((d) => d.name)
    .sort()
}

export async function buildFunctions(names = functionNames(), { quiet = false } = {}): Promise<void> {
  await Promise.all(
    names.map((name) =>
      build({
        entryPoints: [join(FUNCTIONS_DIR, name, 'src', 'index.ts')],
        outfile: join(FUNCTIONS_DIR, name, 'index.js'),
        bundle: true,
        platform: 'node',
        target: 'node16',
        format: 'cjs',
        external: ['wx-server-sdk'],
        sourcemap: false,
        legalComments: 'none',
        logLevel: quiet ? 'silent' : 'warning'
      })
    )
  )
  if (!quiet) console.log(`built ${names.length} functions: ${names.join(', ')}`)
}

if (require.main === module) {
  const only = process.argv.slice(2)
  buildFunctions(only.length ? only : undefined).catch((e) => {
    console.error(e)
    process.exit(1)
  })
}
