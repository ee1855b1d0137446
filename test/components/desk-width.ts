// Sets the window width useDeskWidth sees in component tests: PC width (≥ 1024 px) or a phone's.
import { DESK_QUERY } from '@/hooks/useDeskWidth'

export function setDeskWidth(wide: boolean): void {
  window.matchMedia = ((query: string) => ({
    matches: wide && query === DESK_QUERY,
    addEventListener: () => undefined,
    removeEventListener: () => undefined
  })) as unknown as typeof window.matchMedia
}
