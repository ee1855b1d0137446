// Stored shapes of the grid-report pillar's documents. They live in _shared/docs/report.ts because the figures,
// timers and demo seed read them too; this function imports them from here.
export * from '../../_shared/docs/report'
