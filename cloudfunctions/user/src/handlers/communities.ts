// The communities a person may choose from (answered to anyone, signed in or not).
import { fromPoint } from '../../../_shared/docs'
import type { Handler } from '../../../_shared/infra/router'
import { allCommunities } from '../repo'

export const communities: Handler<'user', 'communities'> = async () =>
  (await allCommunities()).map((c) => ({ id: c._id, name: c.name, streetId: c.streetId, center: fromPoint(c.center), phone: c.phone }))
