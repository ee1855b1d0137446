// Weapp: a chosen picture is a temporary file WeChat may delete; keeping it for the outbox saves it as
// the mini-program's own file (within WeChat's 10 MB for saved files) until it is sent.
import Taro from '@tarojs/taro'

export async function keepFile(tempPath: string): Promise<string> {
  const res = (await Taro.saveFile({ tempFilePath: tempPath })) as { savedFilePath?: string }
  if (!res.savedFilePath) throw new Error('saveFile failed')
  return res.savedFilePath
}

export async function dropFile(kept: string): Promise<void> {
  await Taro.removeSavedFile({ filePath: kept })
}
