// Grid-report traffic for the soak (workload.ts mixes these operation kinds into its own): residents report, press
// 我也遇到 on each other's reports, confirm, rate and reopen; the grid worker and staff race to sign for the same
// report, start and resolve with an after-photo; deadlines pass (a clock move) and the timers flag and close; the grid
// worker patrols with check-points resent from an offline queue; staff and residents read figures, queues and the map.
// Afterwards the report rollups agree with history and every report history is a valid path of the state machine.
import type { ActionOf, FnName } from '../../../types'
import type { Input, Output } from '../../support/client'
import type { Random } from '../../../demo/random'

/** A report spot inside cm01's first grid (support/world.ts reportPlaces). */
export const REPORT_SPOT = { lat: 31.336, lng: 118.376 }

type Answer<R> = { outcome: 'ok'; result: R; code?: string } | { outcome: 'refused' | 'unknown'; result?: undefined; code?: string }

/** What the traffic needs from the workload: its logged calls, timers and clock moves, its dice and idle callers. */
export interface TrafficHost {
  call<F extends FnName, A extends ActionOf<F>>(fn: F, action: A, data: Input<F, A>, who: string): Promise<Answer<Output<F, A>>>
  timer(fn: string, trigger: string): Promise<unknown>
  move(collection: string, filter: object, update: object, multi?: boolean): Promise<boolean>
  id(prefix: string): string
  readonly r: Random
  pickIdle(ids: readonly string[]): string | null
  busy(id: string): boolean
}

export interface TrafficPlan {
  actors: string[]
  run: () => Promise<void>
}
export interface TrafficKind {
  name: string
  weight: number
  plan: () => TrafficPlan | null
}

type State = 'submitted' | 'accepted' | 'inProgress' | 'resolved' | 'closed' | 'rejected' | 'other'
interface ReportModel {
  id: string
  owner: string
  status: State
}

const HOUR = 3_600_000

export class ReportTraffic {
  private readonly reports = new Map<string, ReportModel>()
  private patrol: { id: string; points: string[] } | null = null

  constructor(
    private readonly host: TrafficHost,
    private readonly cast: { residents: string[]; staff: string[]; gridWorkers: string[] }
  ) {}

  private in(...states: State[]) {
    return [...this.reports.values()].filter((r) => states.includes(r.status))
  }

  private near() {
    const { r } = this.host
    return { lat: REPORT_SPOT.lat + r.float(-0.001, 0.001), lng: REPORT_SPOT.lng + r.float(-0.001, 0.001) }
  }

  private photo(who: string) {
    return {
      fileId: `cloud://local-dev/users/${who}/after-${this.host.id('ph')}.jpg`,
      location: REPORT_SPOT,
      takenAt: new Date().toISOString()
    }
  }

  /** What a stale answer tells the caller about the report (its status moved on). */
  private settle(m: ReportModel, ok: boolean, to: State, code?: string) {
    if (ok) m.status = to
    else if (code === 'CONFLICT') m.status = 'other'
  }

  kinds(): TrafficKind[] {
    const k = (name: string, weight: number, plan: () => TrafficPlan | null): TrafficKind => ({ name, weight, plan })
    return [
      k('reportSubmit', 3, () => this.planSubmit()),
      k('reportPlusOne', 2, () => this.planPlusOne()),
      k('reportAccept', 3, () => this.planAccept()),
      k('reportWork', 3, () => this.planWork()),
      k('reportAnswer', 2, () => this.planAnswer()),
      k('reportClock', 1, () => this.planClock()),
      k('reportPatrol', 1.5, () => this.planPatrol()),
      k('reportRead', 2, () => this.planRead())
    ]
  }

  private planSubmit(): TrafficPlan | null {
    const { host } = this
    const who = host.pickIdle(this.cast.residents)
    if (!who || this.in('submitted', 'accepted', 'inProgress').length > 12) return null
    const data: Input<'report', 'submit'> = {
      requestId: host.id('rp'),
      categoryId: host.r.pick(['fireLane', 'rubbish']),
      description: '楼道里堆满了杂物，影响通行',
      photos: [`cloud://local-dev/users/${who}/spot.jpg`],
      location: this.near(),
      visibility: host.r.chance(0.8) ? 'public' : 'private',
      consent: true
    }
    return {
      actors: [who],
      run: async () => {
        const ack = await host.call('report', 'submit', data, who)
        // A retry with the same request id (the answer was slow) must answer the same report.
        if (host.r.chance(0.2)) await host.call('report', 'submit', data, who)
        if (ack.outcome === 'ok') this.reports.set(ack.result.id, { id: ack.result.id, owner: who, status: 'submitted' })
      }
    }
  }

  private planPlusOne(): TrafficPlan | null {
    const open = this.in('submitted', 'accepted', 'inProgress')
    const who = this.host.pickIdle(this.cast.residents)
    if (!who || !open.length) return null
    const m = this.host.r.pick(open)
    if (m.owner === who) return null
    return { actors: [who], run: async () => void (await this.host.call('report', 'plusOne', { reportId: m.id }, who)) }
  }

  /** The grid worker and a staff member often press 签收 on the same report at once: one wins. */
  private planAccept(): TrafficPlan | null {
    const waiting = this.in('submitted')
    if (!waiting.length) return null
    const m = this.host.r.pick(waiting)
    const [gw] = this.cast.gridWorkers
    const staff = this.host.r.pick(this.cast.staff)
    const reject = this.host.r.chance(0.1)
    return {
      actors: [],
      run: async () => {
        const acks = await Promise.all(
          (this.host.r.chance(0.5) ? [gw, staff] : [gw]).map((who) =>
            reject
              ? this.host.call('report', 'reject', { reportId: m.id, reason: '不属于本网格' }, who)
              : this.host.call('report', 'accept', { reportId: m.id }, who)
          )
        )
        this.settle(
          m,
          acks.some((a) => a.outcome === 'ok'),
          reject ? 'rejected' : 'accepted',
          acks[0].code
        )
      }
    }
  }

  private planWork(): TrafficPlan | null {
    const doing = this.in('accepted', 'inProgress')
    if (!doing.length) return null
    const m = this.host.r.pick(doing)
    const [gw] = this.cast.gridWorkers
    return {
      actors: [],
      run: async () => {
        if (m.status === 'accepted') {
          const ack = await this.host.call('report', 'start', { reportId: m.id }, gw)
          this.settle(m, ack.outcome === 'ok', 'inProgress', ack.code)
        } else {
          const ack = await this.host.call('report', 'resolve', { reportId: m.id, note: '已清理完毕', photos: [this.photo(gw)] }, gw)
          this.settle(m, ack.outcome === 'ok', 'resolved', ack.code)
        }
      }
    }
  }

  private planAnswer(): TrafficPlan | null {
    const due = this.in('resolved').filter((m) => !this.host.busy(m.owner))
    if (!due.length) return null
    const m = this.host.r.pick(due)
    const reopen = this.host.r.chance(0.25)
    return {
      actors: [m.owner],
      run: async () => {
        if (reopen) {
          const ack = await this.host.call('report', 'reopen', { reportId: m.id, reason: '问题还在' }, m.owner)
          this.settle(m, ack.outcome === 'ok', 'inProgress', ack.code)
        } else {
          const rating = this.host.r.pick(['satisfied', 'basically', 'unsatisfied'] as const)
          const ack = await this.host.call('report', 'confirm', { reportId: m.id, solved: rating !== 'unsatisfied', rating }, m.owner)
          this.settle(m, ack.outcome === 'ok', 'closed', ack.code)
        }
      }
    }
  }

  /** Time passes: some deadlines and waits move into the past, and the platform's timers run. */
  private planClock(): TrafficPlan | null {
    const { host } = this
    return {
      actors: [],
      run: async () => {
        const past = new Date(Date.now() - 4 * 24 * HOUR)
        const pick = (states: State[]) => {
          const xs = this.in(...states)
          return xs.length ? host.r.pick(xs).id : null
        }
        const waiting = pick(['submitted'])
        if (waiting) await host.move('reports', { _id: waiting, status: 'submitted' }, { $set: { acceptDeadline: past } })
        const doing = pick(['accepted', 'inProgress'])
        if (doing) await host.move('reports', { _id: doing }, { $set: { resolveDeadline: past } })
        const resolved = pick(['resolved'])
        if (resolved) await host.move('reports', { _id: resolved, status: 'resolved' }, { $set: { resolvedAt: past } })
        await host.timer('report', 'overdueSweep')
        await host.timer('report', 'autoClose')
        if (resolved) this.reports.get(resolved)!.status = 'other'
      }
    }
  }

  /** The grid worker patrols; check-points from the offline queue are sometimes sent twice. */
  private planPatrol(): TrafficPlan | null {
    const { host } = this
    const [gw] = this.cast.gridWorkers
    if (host.busy(gw)) return null
    return {
      actors: [gw],
      run: async () => {
        if (!this.patrol) {
          const ack = await host.call('report', 'patrolStart', { requestId: host.id('pt'), gridId: 'cm01-g1', location: REPORT_SPOT }, gw)
          if (ack.outcome === 'ok') this.patrol = { id: ack.result.id, points: [] }
          return
        }
        const p = this.patrol
        if (p.points.length >= 4 || host.r.chance(0.15)) {
          await host.call('report', 'patrolEnd', { requestId: host.id('pe'), patrolId: p.id, location: REPORT_SPOT }, gw)
          this.patrol = null
          return
        }
        const point = {
          requestId: host.id('pp'),
          patrolId: p.id,
          location: this.near(),
          clientTime: new Date().toISOString()
        }
        const acks = await Promise.all(
          Array.from({ length: host.r.chance(0.3) ? 2 : 1 }, () => host.call('report', 'patrolPoint', point, gw))
        )
        if (acks.some((a) => a.outcome === 'ok')) p.points.push(point.requestId)
      }
    }
  }

  private planRead(): TrafficPlan | null {
    const { host } = this
    const who = host.pickIdle(this.cast.residents)
    if (!who) return null
    const staff = host.r.pick(this.cast.staff)
    const month = new Date(Date.now() + 8 * HOUR).toISOString().slice(0, 7)
    const reads = [
      () => host.call('report', 'nearby', { location: REPORT_SPOT, radius: 1000 }, who),
      () => host.call('report', 'mine', {}, who),
      () => host.call('report', 'figures', { period: month, communityId: 'cm01' }, staff),
      () => host.call('report', 'queue', { queue: 'toSign', communityId: 'cm01' }, staff),
      () => host.call('report', 'hotSpots', { communityId: 'cm01' }, staff)
    ]
    return { actors: [who], run: async () => void (await host.r.pick(reads)()) }
  }
}
