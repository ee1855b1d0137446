// The URL to show for a picture that may be a `cloud://` file (services/files): undefined while it is
// being resolved, '' when the file is missing.
import { useEffect, useState } from 'react'
import { fileUrl, knownFileUrl } from '@/services/files'

export function useFileUrl(src: string | null | undefined): string | undefined {
  const [url, setUrl] = useState(() => (src ? knownFileUrl(src) : ''))
  useEffect(() => {
    if (!src) return setUrl('')
    const known = knownFileUrl(src)
    setUrl(known)
    if (known !== undefined) return
    let live = true
    void fileUrl(src).then((u) => live && setUrl(u))
    return () => {
      live = false
    }
  }, [src])
  return url
}
