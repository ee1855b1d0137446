// Prints what a production WeChat cloud environment needs from config/database.ts: the collections to
// create (all ADMINONLY) and their indexes, as a checklist for the console and as JSON for tooling.
// `npx tsx scripts/provision.ts [--json]`
import { database, type IndexDecl } from '../config/database'

const indexName = (ix: IndexDecl) =>
  Object.entries(ix.keys)
    .map(([k, v]) => `${k}_${v}`)
    .join('_')

export function provisioningPlan() {
  return Object.entries(database.collections).map(([name, decl]) => ({
    name,
    rule: decl.rule,
    doc: decl.doc,
    indexes: decl.indexes.map((ix) => ({ name: indexName(ix), keys: ix.keys, unique: Boolean(ix.unique) }))
  }))
}

if (require.main === module) {
  const plan = provisioningPlan()
  if (process.argv.includes('--json')) {
    console.log(JSON.stringify(plan, null, 2))
  } else {
    for (const c of plan) {
      console.log(`${c.name}  (${c.rule})  — ${c.doc}`)
      for (const ix of c.indexes) console.log(`    index ${ix.name}${ix.unique ? ' unique' : ''}: ${JSON.stringify(ix.keys)}`)
    }
    console.log(`\n${plan.length} collections. Create each in the cloud console (数据库 → 添加集合), set its permission to`)
    console.log('"仅管理端可读写" (ADMINONLY), and add the listed indexes (索引管理; 2dsphere = 地理位置索引).')
  }
}
