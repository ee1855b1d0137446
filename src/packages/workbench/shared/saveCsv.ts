// Hands a CSV export to the person: on h5 a download; in the mini-program the file is written to the
// user data folder and shared to a chat (文件传输助手 opens it on a computer), or opened when sharing is not
// available.
import Taro from '@tarojs/taro'
import type { CsvExport } from '@contract/workbench'
import { isH5 } from '@/services/platform'

export type Saved = 'downloaded' | 'shared' | 'opened' | 'saved'

function download({ filename, csv }: Pick<CsvExport, 'filename' | 'csv'>): Saved {
  const url = URL.createObjectURL(new Blob([csv], { type: 'text/csv;charset=utf-8' }))
  const a = document.createElement('a')
  a.href = url
  a.download = filename
  a.style.display = 'none'
  document.body.appendChild(a)
  a.click()
  a.remove()
  setTimeout(() => URL.revokeObjectURL(url), 1000)
  return 'downloaded'
}

const isCancel = (e: unknown) => /cancel/i.test(String((e as { errMsg?: string })?.errMsg ?? e))

async function shareOrOpen({ filename, csv }: Pick<CsvExport, 'filename' | 'csv'>): Promise<Saved> {
  const filePath = `${Taro.env.USER_DATA_PATH}/${filename.replace(/[\\/:*?"<>|\s]/g, '_')}`
  Taro.getFileSystemManager().writeFileSync(filePath, csv, 'utf8')
  try {
    await Taro.shareFileMessage({ filePath, fileName: filename })
    return 'shared'
  } catch (e) {
    if (isCancel(e)) return 'saved'
  }
  try {
    await Taro.openDocument({ filePath, showMenu: true })
    return 'opened'
  } catch {
    return 'saved'
  }
}

export const saveCsv = (file: Pick<CsvExport, 'filename' | 'csv'>): Promise<Saved> =>
  isH5() ? Promise.resolve(download(file)) : shareOrOpen(file)
