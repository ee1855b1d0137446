// Uploading a form's pictures when it is sent (they stay local until then): plain file ids, or — evidence —
// each with the place and time recorded when it was taken.
import type { LatLng } from '@contract/schemas/common'
import { uploadImage } from '@/services/cloud'
import type { LocalPhoto } from './components/ReportPhotos'

export async function uploadPhotos(owner: string, photos: LocalPhoto[]): Promise<string[]> {
  const ids: string[] = []
  for (const p of photos) ids.push(await uploadImage(p.path, owner))
  return ids
}

export interface PlacedUpload {
  fileId: string
  location: LatLng
  takenAt: string
}

export async function uploadPlaced(owner: string, photos: LocalPhoto[]): Promise<PlacedUpload[]> {
  const out: PlacedUpload[] = []
  for (const p of photos) {
    if (!p.location || !p.takenAt) continue
    out.push({ fileId: await uploadImage(p.path, owner), location: p.location, takenAt: p.takenAt })
  }
  return out
}
