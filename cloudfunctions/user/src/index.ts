// user: sign-in, profile, elder mode, privacy consent, account deletion, the list of communities, the person's notices (消息).
import { contract } from '../../../types'
import { createFunction } from '../../_shared/infra/router'
import { deleteAccount } from './handlers/account'
import { communities } from './handlers/communities'
import { markRead, notices, unreadCount } from './handlers/notices'
import { consent, login, myProfile, setElderMode, updateProfile } from './handlers/profile'

export const main = createFunction('user', contract.user, {
  login: { allow: ['anyone'], handler: login },
  me: { allow: ['resident'], handler: myProfile },
  updateProfile: { allow: ['resident'], handler: updateProfile },
  setElderMode: { allow: ['resident'], handler: setElderMode },
  consent: { allow: ['resident'], handler: consent },
  deleteAccount: { allow: ['resident'], handler: deleteAccount },
  communities: { allow: ['anyone'], handler: communities },
  notices: { allow: ['resident'], handler: notices },
  unreadCount: { allow: ['resident'], handler: unreadCount },
  markRead: { allow: ['resident'], handler: markRead }
})
