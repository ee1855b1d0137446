// Invented Chinese names for the demo district. Any resemblance to real people or places is accidental.
import type { Random } from './random'

const SURNAMES =
  '王李张刘陈杨黄赵吴周徐孙马朱胡郭何林高罗郑梁谢宋唐许韩冯邓曹彭曾肖田董潘袁蔡蒋余于杜叶程魏苏吕丁任沈姚卢姜崔钟谭陆汪范金石廖贾夏韦付方白邹孟熊秦邱江尹薛闫段雷侯龙史陶黎贺顾毛郝龚邵万钱严覃武戴莫孔向汤'
const GIVEN = [
  '秀英',
  '桂英',
  '玉兰',
  '淑珍',
  '建国',
  '建华',
  '国强',
  '志强',
  '明',
  '伟',
  '芳',
  '丽',
  '敏',
  '静',
  '磊',
  '洋',
  '勇',
  '军',
  '杰',
  '娟',
  '涛',
  '超',
  '霞',
  '平',
  '刚',
  '桂兰',
  '春梅',
  '海燕',
  '晓东',
  '文博',
  '子涵',
  '雨欣',
  '浩然',
  '思远',
  '一诺',
  '佳怡',
  '宇航',
  '嘉豪',
  '欣怡',
  '俊杰',
  '红梅',
  '德明',
  '振华',
  '玉珍',
  '凤英',
  '卫东',
  '光明',
  '晓燕',
  '丽华',
  '国庆'
]

export const personName = (r: Random) => r.pick([...SURNAMES]) + r.pick(GIVEN)
export const mobile = (r: Random) =>
  `1${r.pick(['35', '36', '38', '39', '50', '58', '77', '86', '88', '99'])}${String(r.int(0, 99_999_999)).padStart(8, '0')}`
export const landline = (r: Random) => `0553-${r.int(2, 8)}${String(r.int(0, 999_999)).padStart(6, '0')}`

export const COMMUNITY_NAMES = ['青枫', '柳岸', '梧桐', '银杏', '荷塘', '桃源', '翠竹', '兰亭', '松涛', '锦绣']
export const ROADS = [
  '青枫路',
  '柳岸街',
  '梧桐大道',
  '银杏路',
  '荷塘路',
  '桃源街',
  '翠竹路',
  '兰亭路',
  '松涛街',
  '锦绣大道',
  '滨江路',
  '学府路',
  '健康路',
  '团结路'
]
export const COMPOUND_SUFFIXES = ['小区', '花园', '苑', '新村', '家园', '公寓', '雅居', '里']
export const COMPOUND_WORDS = [
  '阳光',
  '幸福',
  '和谐',
  '春晖',
  '金桂',
  '润园',
  '绿洲',
  '锦华',
  '明珠',
  '朝阳',
  '康乐',
  '书香',
  '碧水',
  '怡景',
  '安居',
  '丰泽',
  '东湖',
  '南山',
  '西苑',
  '北辰',
  '瑞祥',
  '嘉禾',
  '华府',
  '紫荆'
]
