// Stored shapes of the wish pillar's documents. They live in _shared/docs/wish.ts because the user and
// workbench functions read wishes too (and the demo seed writes them); this function imports them from here.
export * from '../../_shared/docs/wish'
