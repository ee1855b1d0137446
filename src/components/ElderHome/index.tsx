// The big-tile home of elder mode (适老化), on the first tab: the four things an older resident does most,
// each a full-width tile (90 CSS px high at 375) with a picture, a word and a short note.
import { Image, Text, View } from '@tarojs/components'
import Taro from '@tarojs/taro'
import { useSignedIn } from '@/hooks/useMe'
import { useRemote } from '@/hooks/useRemote'
import { pageUrl, tabUrl } from '@/routes'
import { call, showError } from '@/services/cloud'
import { TILE_ICONS } from './icons'
import './index.css'

export interface ElderHomeProps {
  /** 找服务: brings the service finder below into view. */
  onFindService: () => void
}

interface Tile {
  key: keyof typeof TILE_ICONS
  label: string
  note: string
  onTap: () => void
}

export function ElderHome({ onFindService }: ElderHomeProps) {
  const me = useSignedIn()
  const communities = useRemote(() => call('user', 'communities'), [])
  const community = communities.data?.find((c) => c.id === me.communityId)

  const callCommunity = () => {
    if (!me.communityId) {
      void Taro.switchTab({ url: tabUrl('mine') })
      return
    }
    if (!community?.phone) {
      showError(new Error(communities.loading ? '正在查找社区电话，请稍候' : '没有找到社区的电话'))
      return
    }
    // WeChat asks before dialling; on h5 this opens the phone's dialler with tel:.
    Taro.makePhoneCall({ phoneNumber: community.phone }).catch(() => undefined)
  }

  const tiles: Tile[] = [
    { key: 'find', label: '找服务', note: '附近的助餐、医疗、养老', onTap: onFindService },
    {
      key: 'post',
      label: '许心愿',
      note: '说说您需要什么帮助',
      onTap: () => void Taro.navigateTo({ url: pageUrl('wish', 'post') })
    },
    {
      key: 'mine',
      label: '我的心愿',
      note: '看看心愿办得怎样了',
      onTap: () => void Taro.navigateTo({ url: pageUrl('wish', 'mine') })
    },
    {
      key: 'call',
      label: '打电话给社区',
      note: community ? `${community.name} ${community.phone}` : me.communityId ? '社区居委会' : '请先选择您的社区',
      onTap: callCommunity
    }
  ]

  return (
    <View className="llt-elder-home" aria-label="长辈首页">
      {tiles.map((t) => (
        <View
          key={t.key}
          className={`llt-elder-home__tile llt-elder-home__tile--${t.key}`}
          role="button"
          aria-label={t.label}
          hoverClass="llt-elder-home__tile--pressed"
          onClick={t.onTap}
        >
          <Image className="llt-elder-home__icon" src={TILE_ICONS[t.key]} mode="aspectFit" aria-hidden />
          <Text className="llt-elder-home__label">{t.label}</Text>
          <Text className="llt-elder-home__note">{t.note}</Text>
        </View>
      ))}
    </View>
  )
}
