import type { Me } from '@contract'
import { scopesOf } from './scopes'

const me = (roles: Me['roles']) => ({ roles }) as Me

test('a staff member works for their communities; a street admin also for the street', () => {
  const names = new Map([['cm01', '青枫社区']])
  expect(
    scopesOf(me([{ role: 'staff', communityId: 'cm01' }, { role: 'staff', communityId: 'cm01' }, { role: 'volunteer' }]), names)
  ).toEqual([{ kind: 'community', id: 'cm01', label: '青枫社区' }])
  expect(
    scopesOf(
      me([
        { role: 'streetAdmin', streetId: 'st01' },
        { role: 'staff', communityId: 'cm02' }
      ]),
      names
    )
  ).toEqual([
    { kind: 'street', id: 'st01', label: '全街道' },
    { kind: 'community', id: 'cm02', label: 'cm02' }
  ])
  expect(scopesOf(me([{ role: 'streetAdmin', streetId: 'st01' }]), names, { streets: false })).toEqual([])
})
