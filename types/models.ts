// Shapes of the answers that several functions and pages share.
import type { Role } from './enums'

/** A role a person holds, with its scope. A staff role belongs to one community, a merchant role to one shop. */
export interface RoleGrant {
  role: Role
  communityId?: string
  streetId?: string
  merchantId?: string
  unitId?: string
  /** gridWorker: the grids (of `communityId`) the person is responsible for. */
  gridIds?: string[]
  /** deptHandler: the department (of `streetId`) the person handles for. */
  departmentId?: string
}

/** What the app knows about the signed-in person. */
export interface Me {
  openid: string
  nickName: string
  avatar: string | null
  realName: string | null
  /** Masked, e.g. 138****5678; the full number is never sent back. */
  phone: string | null
  communityId: string | null
  communityName: string | null
  /** For a street admin, the street they administer; otherwise null. */
  streetName: string | null
  compoundId: string | null
  roles: RoleGrant[]
  elderMode: boolean
  /** The privacy-guide version the person agreed to, or null. */
  consentVersion: string | null
  needsConsent: boolean
  isStaff: boolean
  /** 亮身份: an approved party member's badge and pledge. */
  badge: { branch: string; pledge: string } | null
}

export interface CommunityOption {
  id: string
  name: string
  streetId: string
  center: { lat: number; lng: number }
  /** The community office's public phone (打电话给社区 in elder mode). */
  phone: string
}
