// Every kind of rollup, registered: importing this module defines every source and figure (rollups.ts,
// defineRollups). A new kind of rollup is a module calling defineRollups, imported here.
import './rollups'
import './communityRollups'
import './reportRollups'

export { rollupKind, rollupSourceOf, rollupSources } from './rollups'
