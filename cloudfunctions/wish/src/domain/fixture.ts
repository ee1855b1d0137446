// A stored wish for unit tests, with overrides.
import { toPoint } from '../../../_shared/docs'
import { notYetHandled } from './submission'
import type { WishDoc } from '../docs'

export const T0 = new Date('2026-11-01T02:00:00.000Z')

export function wishFixture(over: Partial<WishDoc> = {}, beneficiary: Partial<WishDoc['beneficiary']> = {}): WishDoc {
  return {
    _id: 'w1',
    communityId: 'cm01',
    streetId: 'st01',
    compoundId: 'cp001',
    location: toPoint(31.33, 118.37),
    category: 'goods',
    title: '想要一盏护眼台灯',
    story: '家里的台灯坏了，晚上看书不方便。',
    value: 120,
    desiredDate: null,
    photos: ['cloud://env/users/u-res/a.jpg'],
    privatePhotos: [],
    status: 'submitted',
    submitterId: 'u-res',
    proxy: false,
    beneficiary: {
      ownerId: 'u-res',
      name: '张桂英',
      display: '张奶奶',
      phone: '13912345678',
      address: '幸福小区3栋201',
      isChild: false,
      ...beneficiary
    },
    guardian: null,
    delivery: 'contact',
    createdAt: T0,
    updatedAt: T0,
    ...notYetHandled(),
    history: [{ at: T0, who: 'u-res', role: 'resident', from: null, to: 'submitted', why: '居民发布' }],
    ...over
  }
}
