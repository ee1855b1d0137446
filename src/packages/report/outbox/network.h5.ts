// h5: the browser's `online` event.
export function onReconnect(listener: () => void): void {
  if (typeof window !== 'undefined') window.addEventListener('online', listener)
}
