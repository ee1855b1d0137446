// Elder mode (适老化) reaches beyond the page on h5: the tab bar, modals and toasts hang off <html>, so the
// same class goes there too (src/app.css). WeChat draws those natively and follows its own font setting.
import { isH5 } from './platform'

export function applyElderRoot(on: boolean): void {
  if (!isH5() || typeof document === 'undefined') return
  const root = document.documentElement
  root.classList.add('llt-root')
  root.classList.toggle('llt-elder', on)
}
