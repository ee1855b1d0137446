// Several hundred facilities across every category, with realistic gaps: canteens and day-care centres
// are scarce, so some compounds have none within their tier and coverage is worth looking at.
import type { FacilityCategory } from '../types'
import type { District } from './district'
import { COMPOUND_WORDS, ROADS, landline } from './names'
import type { Random } from './random'

/** Opening hours: week[0] is Monday; each day a list of "HH:mm-HH:mm" spans (an end before the start runs past midnight). */
export interface WeeklyHours {
  week: string[][]
  holidaysClosed: boolean
}

export interface SeedFacility {
  _id: string
  name: string
  category: FacilityCategory
  communityId: string
  streetId: string
  location: { type: 'Point'; coordinates: [number, number] }
  address: string
  phone: string
  hours: WeeklyHours
  services: string[]
  photos: string[]
  status: 'open' | 'closed'
  dedupeKey: string
  createdAt: Date
  updatedAt: Date
}

const daily = (...spans: string[]): string[][] => Array.from({ length: 7 }, () => [...spans])
const weekdays = (spans: string[], saturday: string[] = [], sunday: string[] = []): string[][] => [
  ...Array.from({ length: 5 }, () => [...spans]),
  saturday,
  sunday
]
const OFFICE = weekdays(['08:30-12:00', '14:00-17:30'], ['09:00-12:00'])

interface Plan {
  /** Facilities per community: [min, max]; a fraction means "in that share of communities". */
  perCommunity: [number, number]
  names: (r: Random, community: string) => string
  hours: (r: Random) => WeeklyHours
  services: string[]
}

const brand = (r: Random, brands: string[], community: string) => `${r.pick(brands)}(${community}${r.pick(['店', '分店', '二店'])})`

const PLANS: Record<FacilityCategory, Plan> = {
  partyCenter: {
    perCommunity: [1, 1],
    names: (_r, c) => `${c}社区党群服务中心`,
    hours: () => ({ week: OFFICE, holidaysClosed: true }),
    services: ['党员活动', '政务代办', '志愿服务', '议事协商']
  },
  serviceStation: {
    perCommunity: [1, 1],
    names: (_r, c) => `${c}社区综合服务站`,
    hours: () => ({ week: OFFICE, holidaysClosed: true }),
    services: ['社保医保', '证明开具', '便民代办', '矛盾调解']
  },
  socialWork: {
    perCommunity: [0, 1],
    names: (_r, c) => `${c}社会工作室`,
    hours: () => ({ week: weekdays(['09:00-17:00']), holidaysClosed: true }),
    services: ['个案帮扶', '困境儿童关爱', '心理疏导']
  },
  elderCare: {
    perCommunity: [0, 1],
    names: (_r, c) => `${c}日间照料中心`,
    hours: () => ({ week: daily('08:00-18:00'), holidaysClosed: false }),
    services: ['日间托养', '助浴', '康复理疗', '文娱活动']
  },
  canteen: {
    perCommunity: [0, 1],
    names: (r, c) => `${c}${r.pick(['老年助餐点', '社区食堂', '长者饭堂'])}`,
    hours: () => ({ week: daily('10:30-13:00', '16:30-18:30'), holidaysClosed: false }),
    services: ['老年助餐', '送餐上门', '堂食']
  },
  childcare: {
    perCommunity: [0, 2],
    names: (r, c) => `${c}${r.pick(['托育园', '四点半课堂', '托管中心'])}`,
    hours: () => ({ week: weekdays(['07:30-18:30']), holidaysClosed: true }),
    services: ['婴幼儿托育', '课后托管', '亲子活动']
  },
  kindergarten: {
    perCommunity: [0, 2],
    names: (r, c) => `${c}${r.pick(['第一', '第二', '实验', '阳光'])}幼儿园`,
    hours: () => ({ week: weekdays(['07:30-17:30']), holidaysClosed: true }),
    services: ['学前教育']
  },
  primarySchool: {
    perCommunity: [0, 1],
    names: (r, c) => `江城市${c}${r.pick(['小学', '实验小学', '路小学'])}`,
    hours: () => ({ week: weekdays(['07:30-17:00']), holidaysClosed: true }),
    services: ['义务教育']
  },
  clinic: {
    perCommunity: [0, 1],
    names: (_r, c) => `${c}社区卫生服务站`,
    hours: () => ({ week: daily('08:00-12:00', '14:00-17:30'), holidaysClosed: false }),
    services: ['全科门诊', '慢病管理', '疫苗接种', '家庭医生签约']
  },
  pharmacy: {
    perCommunity: [1, 4],
    names: (r, c) => brand(r, ['益丰大药房', '百姓药房', '老百姓大药房', '同仁堂药店'], c),
    hours: (r) => ({ week: daily(r.chance(0.3) ? '00:00-24:00' : '08:00-22:00'), holidaysClosed: false }),
    services: ['处方药', '医保刷卡', '血压测量']
  },
  market: {
    perCommunity: [1, 2],
    names: (r, c) => `${c}${r.pick(['农贸市场', '生鲜超市', '菜市场'])}`,
    hours: () => ({ week: daily('06:00-19:00'), holidaysClosed: false }),
    services: ['蔬菜', '肉禽蛋', '水产']
  },
  convenience: {
    perCommunity: [5, 9],
    names: (r, c) => brand(r, ['好邻居便利店', '快乐惠便利店', '惠民便利店', '红旗连锁'], c),
    hours: (r) => ({ week: daily(r.chance(0.4) ? '00:00-24:00' : '07:00-23:00'), holidaysClosed: false }),
    services: ['日用百货', '代收快递', '便民缴费']
  },
  culture: {
    perCommunity: [1, 2],
    names: (r, c) => `${c}${r.pick(['文化活动室', '社区图书室', '老年活动中心'])}`,
    hours: () => ({ week: weekdays(['09:00-11:30', '14:30-20:30'], ['09:00-20:30'], ['09:00-20:30']), holidaysClosed: true }),
    services: ['图书借阅', '书画', '棋牌', '合唱排练']
  },
  fitness: {
    perCommunity: [3, 5],
    names: (r) => `${r.pick(COMPOUND_WORDS)}${r.pick(['健身广场', '健身步道', '篮球场', '全民健身点'])}`,
    hours: () => ({ week: daily('06:00-22:00'), holidaysClosed: false }),
    services: ['健身器材', '广场舞', '球类运动']
  },
  workerStation: {
    perCommunity: [0, 1],
    names: (r, c) => `${c}${r.pick(['红蜂驿站', '暖心驿站', '户外劳动者服务站'])}`,
    hours: () => ({ week: daily('08:00-20:00'), holidaysClosed: false }),
    services: ['饮水热饭', '手机充电', '休息', '应急药箱']
  },
  parcel: {
    perCommunity: [3, 5],
    names: (r, c) => brand(r, ['菜鸟驿站', '兔喜生活', '妈妈驿站'], c),
    hours: () => ({ week: daily('08:30-21:00'), holidaysClosed: false }),
    services: ['快递代收', '寄件']
  },
  toilet: {
    perCommunity: [1, 3],
    names: (r) => `${r.pick(ROADS)}公共厕所`,
    hours: () => ({ week: daily('00:00-24:00'), holidaysClosed: false }),
    services: ['无障碍厕位', '母婴室']
  }
}

/** Day-care and canteens are placed deliberately sparse: half the communities get none. */
const SCARCE: Partial<Record<FacilityCategory, (i: number) => boolean>> = {
  elderCare: (i) => i % 2 === 0,
  canteen: (i) => i % 2 === 0 || i === 3,
  socialWork: (i) => i % 3 === 0,
  primarySchool: (i) => i % 3 !== 2,
  clinic: (i) => i % 2 === 0 || i === 9,
  workerStation: (i) => i % 4 === 1
}

/**
 * A second facility of the same name is told apart as people do, by where it is: "好邻居便利店(柳岸街店)",
 * "青枫老年活动中心(柳岸街)", never by a number tacked on. Uses no randomness, so the rest of the seed stays put.
 */
function distinctName(name: string, road: string, number: number, taken: ReadonlyArray<{ name: string }>): string {
  const free = (n: string) => !taken.some((f) => f.name === n)
  if (free(name)) return name
  const byRoad = /\(.+\)$/.test(name) ? name.replace(/\(.+\)$/, `(${road}店)`) : `${name}(${road})`
  if (free(byRoad)) return byRoad
  return /\(.+\)$/.test(name) ? name.replace(/\(.+\)$/, `(${road}${number}号店)`) : `${name}(${road}${number}号)`
}

export function buildFacilities(r: Random, district: District, now: Date): SeedFacility[] {
  const out: SeedFacility[] = []
  district.communities.forEach((community, i) => {
    const cell = district.cells.get(community._id)!
    const short = community.name.replace(/社区$/, '')
    for (const [category, plan] of Object.entries(PLANS) as [FacilityCategory, Plan][]) {
      const scarce = SCARCE[category]
      const count = scarce ? (scarce(i) ? 1 : 0) : r.int(plan.perCommunity[0], plan.perCommunity[1])
      for (let k = 0; k < count; k++) {
        const atCenter = category === 'partyCenter' || category === 'serviceStation'
        const [lng, lat] = atCenter ? community.center.coordinates : [r.float(cell.minLng, cell.maxLng), r.float(cell.minLat, cell.maxLat)]
        const name = plan.names(r, short)
        const coordinates: [number, number] = [
          Math.round(lng * 1e6) / 1e6 + (atCenter && category === 'serviceStation' ? 0.0002 : 0),
          Math.round(lat * 1e6) / 1e6
        ]
        const road = r.pick(ROADS)
        const number = r.int(1, 300)
        out.push({
          _id: `f${String(out.length + 1).padStart(4, '0')}`,
          name: distinctName(name, road, number, out),
          category,
          communityId: community._id,
          streetId: community.streetId,
          location: { type: 'Point', coordinates },
          address: `${district.street.city}${district.street.district}${road}${number}号`,
          phone: landline(r),
          hours: plan.hours(r),
          services: plan.services,
          photos: [],
          status: 'open',
          dedupeKey: `${name}@${coordinates[0].toFixed(4)},${coordinates[1].toFixed(4)}`,
          createdAt: now,
          updatedAt: now
        })
      }
    }
  })
  // A closed facility stays for history but never shows up for residents.
  out.push({
    ...out[out.length - 1],
    _id: `f${String(out.length + 1).padStart(4, '0')}`,
    name: '锦绣老年活动中心(已搬迁)',
    category: 'culture',
    status: 'closed',
    dedupeKey: 'closed-demo'
  })
  return out
}
