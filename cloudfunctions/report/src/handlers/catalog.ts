// The configuration a report form and a whistle form read: the category tree, the street's departments, the grids.
import { fromPoint } from '../../../_shared/docs'
import type { Handler } from '../../../_shared/infra/router'
import { allCategories, departmentsOfStreet, gridsOfCommunities } from '../repo'

export const categories: Handler<'report', 'categories'> = async ({ streetId }) => {
  const all = await allCategories()
  const items = all
    .filter((c) => c.active && (c.streetId === null || !streetId || c.streetId === streetId))
    .map((c) => ({
      id: c._id,
      parentId: c.parentId,
      name: c.name,
      kind: c.kind,
      leaf: c.leaf,
      acceptHours: c.acceptHours,
      handleDays: c.handleDays,
      duplicateRadius: c.duplicateRadius,
      evidenceRadius: c.evidenceRadius,
      departmentKind: c.departmentKind
    }))
  return { items }
}

export const departments: Handler<'report', 'departments'> = async ({ streetId }) => {
  const all = await departmentsOfStreet(streetId)
  return { items: all.map((d) => ({ id: d._id, streetId: d.streetId, name: d.name, kind: d.kind, phone: d.phone })) }
}

export const grids: Handler<'report', 'grids'> = async ({ communityId }) => {
  const all = await gridsOfCommunities([communityId])
  return {
    items: all.map((g) => ({
      id: g._id,
      communityId: g.communityId,
      name: g.name,
      polygon: g.polygon ? g.polygon.map(([lng, lat]) => fromPoint({ type: 'Point', coordinates: [lng, lat] })) : null,
      compoundIds: g.compoundIds ?? []
    }))
  }
}
