import { LOGIN_PAGE, PRIVACY_PAGE, SUBPACKAGES, TAB_PAGES } from './routes'

const isH5 = process.env.TARO_ENV === 'h5'

const TAB_LABELS: Record<keyof typeof TAB_PAGES, string> = {
  lifeCircle: '生活圈',
  wish: '心愿',
  volunteer: '志愿',
  notices: '消息',
  mine: '我的'
}

export default defineAppConfig({
  // Tab pages live in the main package; the demo login page exists only in the h5 build.
  pages: [...Object.values(TAB_PAGES), PRIVACY_PAGE, ...(isH5 ? [LOGIN_PAGE] : [])],
  subPackages: Object.entries(SUBPACKAGES).map(([feature, pages]) => ({
    root: `packages/${feature}`,
    pages: Object.values(pages)
  })),
  window: {
    navigationBarTitleText: APP_TITLE,
    navigationBarBackgroundColor: '#C8102E',
    navigationBarTextStyle: 'white',
    backgroundColor: '#F6F1EE',
    backgroundTextStyle: 'dark'
  },
  tabBar: {
    color: '#555555',
    selectedColor: '#C8102E',
    backgroundColor: '#FFFFFF',
    borderStyle: 'black',
    list: (Object.keys(TAB_PAGES) as Array<keyof typeof TAB_PAGES>).map((tab) => ({
      pagePath: TAB_PAGES[tab],
      text: TAB_LABELS[tab],
      iconPath: `assets/tab/${tab}.png`,
      selectedIconPath: `assets/tab/${tab}-active.png`
    }))
  },
  // Privacy-scoped APIs the features use (WeChat 用户隐私保护指引); asked at use time only.
  requiredPrivateInfos: ['getLocation', 'chooseLocation'],
  permission: {
    'scope.userLocation': { desc: '用于查找您附近的社区服务设施和志愿活动签到' }
  },
  __usePrivacyCheck__: true,
  lazyCodeLoading: 'requiredComponents'
})
