import type { Me } from '@contract'
import { adminUnitIdsOf, isMemberOf, staffCommunityIds, staffCommunityOf, streetIdOf } from './roles'

const me = (roles: Me['roles']) => ({ roles })

test('staff, street admin, unit admin and member grants', () => {
  const person = me([
    { role: 'volunteer' },
    { role: 'staff', communityId: 'cm02' },
    { role: 'staff', communityId: 'cm03' },
    { role: 'streetAdmin', streetId: 'st01' },
    { role: 'unitAdmin', unitId: 'u01' },
    { role: 'member', communityId: 'cm01' }
  ])
  expect(staffCommunityOf(person)).toBe('cm02')
  expect(staffCommunityIds(person)).toEqual(['cm02', 'cm03'])
  expect(streetIdOf(person)).toBe('st01')
  expect(adminUnitIdsOf(person)).toEqual(['u01'])
  expect(isMemberOf(person, 'cm01')).toBe(true)
  expect(isMemberOf(person, 'cm02')).toBe(false)
  expect(isMemberOf(person, null)).toBe(false)
})

test('a resident has none of them', () => {
  const resident = me([{ role: 'resident' }])
  expect(staffCommunityOf(resident)).toBeNull()
  expect(staffCommunityIds(resident)).toEqual([])
  expect(streetIdOf(resident)).toBeNull()
  expect(adminUnitIdsOf(resident)).toEqual([])
})
