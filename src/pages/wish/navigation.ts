// Opening wish pages from anywhere (the wall, my wishes, the workbench).
import Taro from '@tarojs/taro'
import { pageUrl } from '@/routes'

export const openWish = (wish: { id: string }) => void Taro.navigateTo({ url: pageUrl('wish', 'detail', { id: wish.id }) })
export const openPostForm = () => void Taro.navigateTo({ url: pageUrl('wish', 'post') })
export const openMyWishes = () => void Taro.navigateTo({ url: pageUrl('wish', 'mine') })
