// Evidence of a resolution (docs/pillars/grid-reports.md "Evidence"): after-photos carry the place where they were
// taken; all within the category's evidence radius of the report → evidence, otherwise the reporter must confirm.
import { greatCircleMeters, type LatLng } from '../../../_shared/domain/geo'
import { toPoint } from '../../../_shared/docs'
import { REPORT_LIMITS } from '../../../../types/schemas/report.labels'
import { invalid } from '../../../_shared/infra/errors'
import type { PlacedPhotoDoc } from '../docs'

export interface PlacedPhotoInput {
  fileId: string
  location: LatLng
  takenAt: string | number
}

/**
 * The photos with their distance from the report, and whether they are evidence. A photo taken before the report
 * was received (less the clock skew) or after now is refused: it cannot show the work done.
 */
export function placePhotos(
  photos: readonly PlacedPhotoInput[],
  report: { location: LatLng; submittedAt: Date; clientTime: Date | null; evidenceRadius: number },
  now: Date
): { photos: PlacedPhotoDoc[]; near: boolean } {
  const skew = REPORT_LIMITS.clockSkewMinutes * 60_000
  const since = new Date(report.clientTime ?? report.submittedAt).getTime() - skew
  const placed = photos.map((p, i) => {
    const takenAt = new Date(p.takenAt)
    if (takenAt.getTime() < since || takenAt.getTime() > now.getTime() + skew)
      throw invalid('处置后照片须在上报之后现场拍摄', {
        fields: [{ path: `photos.${i}.takenAt`, message: '处置后照片须在上报之后现场拍摄' }]
      })
    const distance = Math.round(greatCircleMeters(p.location, report.location))
    return { fileId: p.fileId, location: toPoint(p.location.lat, p.location.lng), takenAt, distance }
  })
  return { photos: placed, near: placed.length > 0 && placed.every((p) => p.distance <= report.evidenceRadius) }
}
