// Tap-to-insert phrases (components/QuickPhrases of the wish pillar), so describing a problem needs little typing.
export const REPORT_PHRASES = [
  '消防通道被车辆堵塞',
  '楼道堆放杂物',
  '路灯不亮',
  '垃圾没有及时清运',
  '路面破损有坑',
  '水管漏水',
  '噪音扰民',
  '已经持续好几天了'
] as const

export const REOPEN_PHRASES = ['问题还在，没有解决', '只处理了一部分', '过几天又出现了'] as const

export const HANDLING_PHRASES = ['已到现场查看', '已联系责任单位', '已清理完毕', '已维修完成', '已劝离并告知居民'] as const
