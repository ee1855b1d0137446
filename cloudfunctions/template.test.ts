// Every cloud function has the same shape (docs/architecture.md), so a newcomer can predict where a thing lives.
// The lint checks the imports (repo.ts the only database access, domain/ pure, no function importing another);
// this checks the files.
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs'
import { join } from 'node:path'

const ROOT = __dirname
const functions = readdirSync(ROOT).filter((name) => !name.startsWith('_') && statSync(join(ROOT, name)).isDirectory())

describe('the function template', () => {
  it('finds the eight functions', () => {
    expect(functions.sort()).toEqual(['lifeCircle', 'party', 'points', 'report', 'user', 'volunteer', 'wish', 'workbench'])
  })

  it.each(functions)('%s has index.ts, handlers/, repo.ts, docs.ts, domain/, config.json and package.json', (fn) => {
    const src = join(ROOT, fn, 'src')
    for (const file of ['index.ts', 'repo.ts', 'docs.ts']) expect(existsSync(join(src, file))).toBe(true)
    for (const dir of ['handlers', 'domain']) expect(statSync(join(src, dir)).isDirectory()).toBe(true)
    for (const file of ['config.json', 'package.json']) expect(existsSync(join(ROOT, fn, file))).toBe(true)
  })

  it.each(functions)('%s has no other top-level source file than the template names', (fn) => {
    const extra = readdirSync(join(ROOT, fn, 'src')).filter(
      (f) => f.endsWith('.ts') && !['index.ts', 'repo.ts', 'docs.ts', 'views.ts', 'views.test.ts'].includes(f)
    )
    expect(extra).toEqual([])
  })

  it.each(functions)('%s/src/index.ts is a route table: it builds main with createFunction and declares no handler body', (fn) => {
    const index = readFileSync(join(ROOT, fn, 'src', 'index.ts'), 'utf8')
    expect(index).toMatch(/export const main = createFunction\(/)
    expect(index).not.toMatch(/\bawait\b/)
  })

  it.each(functions)('%s handlers are typed with the one Handler type', (fn) => {
    const dir = join(ROOT, fn, 'src', 'handlers')
    const sources = readdirSync(dir).map((f) => readFileSync(join(dir, f), 'utf8'))
    expect(sources.some((s) => /Handler<'[a-zA-Z]+', '[a-zA-Z]+'>/.test(s))).toBe(true)
    for (const s of sources) expect(s).not.toMatch(/type Input<A/)
  })
})
