// Compile-time checks of the typed test client (tsc runs them; nothing here runs): an unknown action, a
// misspelt input field or a field the answer does not have is a type error.
import { typedClient, type UntypedCloud } from './client'
import { ok } from './envelope'

export async function typedClientChecks(cloud: UntypedCloud): Promise<void> {
  const api = typedClient(cloud)

  const claimed = await ok(api.wish.claim({ wishId: 'w1' }, 'member01'))
  const deadline: string = claimed.claimDeadline
  // @ts-expect-error a field the claim's answer does not have
  void claimed.claimedBy

  // @ts-expect-error an action the wish function does not have
  void api.wish.grant({ wishId: 'w1' })
  // @ts-expect-error a misspelt input field
  void api.wish.claim({ wishID: 'w1' })
  // @ts-expect-error a value outside the schema's enum
  void api.wish.wall({ sort: 'oldest' })
  // @ts-expect-error the named form checks the same way
  void api.call('points', 'redeem', { goodsId: 'g1', quantity: 1 })

  // The escape hatch takes anything and answers unknown data.
  const raw = await api.callRaw('wish', 'claim', { wishId: { $ne: null } })
  const data: unknown = raw.ok ? raw.data : null
  void [deadline, data]
}
