// Answers carry displayable photo URLs (WeChat's temporary links), never the stored cloud:// ids, so the
// app can show them on every platform. One getTempFileURL call per answer.
import type { WishCard, WishDetail } from '../../../types/schemas/wish'
import { cloud } from '../../_shared/infra/cloud'

type WithPhotos = Pick<WishCard, 'photos'> & Partial<Pick<WishDetail, 'fulfilment' | 'private'>>

function photoLists(item: WithPhotos): string[][] {
  return [item.photos, item.fulfilment?.photos, item.private?.privatePhotos].filter((l): l is string[] => Array.isArray(l))
}

async function tempUrls(ids: string[]): Promise<Map<string, string>> {
  const unique = [...new Set(ids)]
  if (!unique.length) return new Map()
  try {
    const res = (await cloud.getTempFileURL({ fileList: unique })) as { fileList?: Array<{ fileID?: string; tempFileURL?: string }> } | void
    return new Map((res?.fileList ?? []).filter((f) => f.fileID && f.tempFileURL).map((f) => [f.fileID as string, f.tempFileURL as string]))
  } catch (e) {
    console.warn('[wish] temp urls failed', (e as Error)?.message ?? e)
    return new Map()
  }
}

/** Replaces every photo id in the items with its URL (in place); a photo without a URL is left out. */
export async function withPhotoUrls<T extends WithPhotos>(items: T[]): Promise<T[]> {
  const urls = await tempUrls(items.flatMap((i) => photoLists(i).flat()))
  for (const item of items) {
    for (const list of photoLists(item)) {
      const resolved = list.map((id) => urls.get(id)).filter((u): u is string => Boolean(u))
      list.splice(0, list.length, ...resolved)
    }
  }
  return items
}
