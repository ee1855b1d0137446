// A seeded random source so the demo district is the same on every machine.
import prand from 'pure-rand'

export interface Random {
  int(min: number, max: number): number
  float(min: number, max: number): number
  pick<T>(items: readonly T[]): T
  chance(p: number): boolean
  sample<T>(items: readonly T[], n: number): T[]
}

export function createRandom(seed: number): Random {
  const rng = prand.xoroshiro128plus(seed)
  const int = (min: number, max: number) => prand.unsafeUniformIntDistribution(min, max, rng)
  const float = (min: number, max: number) => min + (int(0, 1_000_000) / 1_000_000) * (max - min)
  return {
    int,
    float,
    pick: (items) => items[int(0, items.length - 1)],
    chance: (p) => float(0, 1) < p,
    sample(items, n) {
      const pool = [...items]
      const out = []
      while (out.length < n && pool.length) out.push(pool.splice(int(0, pool.length - 1), 1)[0])
      return out
    }
  }
}
