import { missingGrants, parseAdminGrants } from './admins'

describe('configured administrators', () => {
  test('parses staff and street admins, skipping malformed entries', () => {
    const grants = parseAdminGrants(' oA@cm01, oB@street:st01 ,bad entry,oA@cm02, @x')
    expect(grants.get('oA')).toEqual([
      { role: 'staff', communityId: 'cm01' },
      { role: 'staff', communityId: 'cm02' }
    ])
    expect(grants.get('oB')).toEqual([{ role: 'streetAdmin', streetId: 'st01' }])
    expect(grants.size).toBe(2)
    expect(parseAdminGrants(undefined).size).toBe(0)
  })

  test('only grants not yet held are added', () => {
    const configured = [
      { role: 'staff' as const, communityId: 'cm01' },
      { role: 'staff' as const, communityId: 'cm02' }
    ]
    expect(missingGrants([{ role: 'staff', communityId: 'cm01' }], configured)).toEqual([{ role: 'staff', communityId: 'cm02' }])
  })
})
