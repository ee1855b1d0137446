// local-cloud/ is a package of its own: every import of its sources resolves inside local-cloud/, to a
// Node built-in, or to a dependency its package.json declares. Nothing of the project that embeds it.
import { readdirSync, readFileSync } from 'node:fs'
import { builtinModules } from 'node:module'
import { dirname, join, relative, resolve, sep } from 'node:path'

const ROOT = __dirname
const manifest = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8'))
const declared = new Set([...Object.keys(manifest.dependencies ?? {}), ...Object.keys(manifest.devDependencies ?? {})])
// Test files may also use the test tooling of the repository they are developed in.
const TEST_ONLY = new Set(['fast-check'])

function sources(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((d) => {
    if (d.name === 'node_modules' || d.name === 'dist') return []
    const path = join(dir, d.name)
    if (d.isDirectory()) return sources(path)
    return /\.(ts|cts|mts|js|cjs|mjs)$/.test(d.name) ? [path] : []
  })
}

/** Every module specifier of a file's code (comments aside): import/export … from, import(), require(). */
export function specifiers(source: string): string[] {
  const code = source.replace(/\/\*[\s\S]*?\*\//g, '').replace(/^\s*\/\/.*$/gm, '')
  const found: string[] = []
  const patterns = [
    /\bfrom\s+['"]([^'"]+)['"]/g,
    /\bimport\s*\(\s*['"]([^'"]+)['"]\s*\)/g,
    /\brequire\s*\(\s*['"]([^'"]+)['"]\s*\)/g,
    /^\s*import\s+['"]([^'"]+)['"]/gm
  ]
  for (const pattern of patterns) for (const m of code.matchAll(pattern)) found.push(m[1])
  return found
}

const packageOf = (spec: string) => (spec.startsWith('@') ? spec.split('/').slice(0, 2).join('/') : spec.split('/')[0])

function problems(file: string): string[] {
  const out: string[] = []
  const isTest = /\.test\.ts$/.test(file)
  for (const spec of specifiers(readFileSync(file, 'utf8'))) {
    if (spec.startsWith('.')) {
      const target = resolve(dirname(file), spec)
      if (target !== ROOT && !target.startsWith(ROOT + sep)) out.push(`${relative(ROOT, file)}: '${spec}' leaves local-cloud/`)
    } else if (spec.startsWith('node:') || builtinModules.includes(spec)) {
      continue
    } else if (!declared.has(packageOf(spec)) && !(isTest && TEST_ONLY.has(packageOf(spec)))) {
      out.push(`${relative(ROOT, file)}: '${spec}' is not a dependency in local-cloud/package.json`)
    }
  }
  return out
}

test('the specifier scan sees every form of import', () => {
  const code = `// require('commented/out')\n/** import('also/not') */\nimport a from './a'\nimport type { B } from "../b"\nexport { c } from './c'\nconst d = require('d/x')\nawait import('@e/f/g')\nimport './side'`
  expect(specifiers(code).sort()).toEqual(['../b', './a', './c', './side', '@e/f/g', 'd/x'].sort())
})

test('local-cloud imports nothing outside itself but Node built-ins and its declared dependencies', () => {
  const files = sources(ROOT).filter((f) => f !== __filename)
  expect(files.length).toBeGreaterThan(20)
  expect(files.flatMap(problems)).toEqual([])
})
