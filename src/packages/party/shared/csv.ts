// Saving a CSV report: a download in the browser; on WeChat a file in the user data folder, shared to a
// chat (the way a phone user sends it on to a computer).
import Taro from '@tarojs/taro'
import { isH5 } from '@/services/platform'

function downloadInBrowser(filename: string, csv: string) {
  const url = URL.createObjectURL(new Blob([csv], { type: 'text/csv;charset=utf-8' }))
  const link = document.createElement('a')
  link.href = url
  link.download = filename
  document.body.appendChild(link)
  link.click()
  link.remove()
  setTimeout(() => URL.revokeObjectURL(url), 10_000)
}

async function shareOnWeapp(filename: string, csv: string) {
  const path = `${Taro.env.USER_DATA_PATH}/${filename}`
  Taro.getFileSystemManager().writeFileSync(path, csv, 'utf8')
  const share = (Taro as unknown as { shareFileMessage?: (o: { filePath: string; fileName: string }) => Promise<unknown> }).shareFileMessage
  if (share) await share({ filePath: path, fileName: filename })
  else await Taro.showModal({ title: '报表已保存', content: `文件已保存为 ${filename}`, showCancel: false })
}

export async function saveCsv(filename: string, csv: string): Promise<void> {
  if (isH5()) downloadInBrowser(filename, csv)
  else await shareOnWeapp(filename, csv)
}
