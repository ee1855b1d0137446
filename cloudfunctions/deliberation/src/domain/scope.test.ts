import type { HouseholdMemberDoc } from '../docs'
import { electorate, inScope, type Scope } from './scope'

const b = (openid: string, householdId: string, compoundId: string, building: string, status: HouseholdMemberDoc['status'] = 'verified') =>
  ({ openid, householdId, compoundId, building, communityId: 'cm01', status }) as HouseholdMemberDoc

const bindings = [
  b('a', 'h1', 'cp1', '3'),
  b('b', 'h1', 'cp1', '3'),
  b('c', 'h2', 'cp1', '3'),
  b('d', 'h3', 'cp1', '4'),
  b('e', 'h4', 'cp2', '1'),
  b('f', 'h5', 'cp1', '3', 'pending')
]
const building3: Scope = { communityId: 'cm01', scope: 'building', compoundId: 'cp1', building: '3' }

describe('scope and electorate', () => {
  test('only verified bindings inside the scope', () => {
    expect(inScope(bindings[0], building3)).toBe(true)
    expect(inScope(bindings[3], building3)).toBe(false)
    expect(inScope(bindings[5], building3)).toBe(false)
    expect(inScope(bindings[3], { ...building3, scope: 'compound' })).toBe(true)
    expect(inScope(bindings[4], { ...building3, scope: 'community', compoundId: null, building: null })).toBe(true)
    expect(inScope(null, building3)).toBe(false)
  })
  test('per resident: one entry each; per household: one entry per household with its members', () => {
    expect(electorate(bindings, building3, 'resident')).toEqual([
      { key: 'a', members: null },
      { key: 'b', members: null },
      { key: 'c', members: null }
    ])
    expect(electorate(bindings, building3, 'household')).toEqual([
      { key: 'h1', members: ['a', 'b'] },
      { key: 'h2', members: ['c'] }
    ])
  })
})
