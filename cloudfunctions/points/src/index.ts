// points: balance and ledger, merchants, goods, redemption orders and pickup, adjustments, the board.
// The route table: rules live in src/domain, the balance changes only through _shared/infra/ledger.ts.
import { contract } from '../../../types'
import { createFunction } from '../../_shared/infra/router'
import { balance, board, ledger } from './handlers/account'
import { adjust, adjustee, adjustments, reviewAdjustment } from './handlers/adjustments'
import { goodsDetail, listGoods, upsertGoods } from './handlers/goods'
import { applyMerchant, listMerchants, myMerchant, reviewMerchant } from './handlers/merchants'
import {
  cancelRedemption,
  expireRedemptions,
  merchantOrders,
  myRedemptions,
  recoverRedemptions,
  redeem,
  verifyPickup
} from './handlers/orders'

export const main = createFunction(
  'points',
  contract.points,
  {
    balance: { allow: ['resident'], handler: balance },
    ledger: { allow: ['resident'], handler: ledger },
    applyMerchant: { allow: ['resident'], handler: applyMerchant },
    reviewMerchant: { allow: ['staff'], handler: reviewMerchant },
    myMerchant: { allow: ['resident'], handler: myMerchant },
    listMerchants: { allow: ['staff'], handler: listMerchants },
    upsertGoods: { allow: ['merchant', 'staff'], handler: upsertGoods },
    listGoods: { allow: ['resident'], handler: listGoods },
    goods: { allow: ['resident'], handler: goodsDetail },
    redeem: { allow: ['volunteer'], handler: redeem },
    cancelRedemption: { allow: ['volunteer'], handler: cancelRedemption },
    verifyPickup: { allow: ['merchant', 'staff'], handler: verifyPickup },
    myRedemptions: { allow: ['resident'], handler: myRedemptions },
    merchantOrders: { allow: ['merchant', 'staff'], handler: merchantOrders },
    expireRedemptions: { allow: ['system'], handler: expireRedemptions },
    recoverRedemptions: { allow: ['system'], handler: recoverRedemptions },
    adjust: { allow: ['staff'], handler: adjust },
    adjustee: { allow: ['staff'], handler: adjustee },
    reviewAdjustment: { allow: ['staff'], handler: reviewAdjustment },
    adjustments: { allow: ['staff'], handler: adjustments },
    board: { allow: ['resident'], handler: board }
  },
  { expireRedemptions: 'expireRedemptions', recoverRedemptions: 'recoverRedemptions' }
)
