// Drawn icons of the empty and error states (loading is a CSS ring) (SVG as data URIs: the same on weapp and h5, no icon font).
import type { StateKind } from './index'

export const STATE_ICONS: Record<Exclude<StateKind, 'loading'>, string> = {
  empty:
    'data:image/svg+xml;base64,PHN2ZyB4bWxucz0iaHR0cDovL3d3dy53My5vcmcvMjAwMC9zdmciIHZpZXdCb3g9IjAgMCA2NCA2NCIgZmlsbD0ibm9uZSIgc3Ryb2tlPSIjOWUwYjIyIiBzdHJva2Utd2lkdGg9IjMiIHN0cm9rZS1saW5lY2FwPSJyb3VuZCIgc3Ryb2tlLWxpbmVqb2luPSJyb3VuZCI+PHBhdGggZD0iTTggMzYgMTYgMTRoMzJsOCAyMnYxNGE0IDQgMCAwIDEtNCA0SDEyYTQgNCAwIDAgMS00LTR6Ii8+PHBhdGggZD0iTTggMzZoMTRsNCA3aDEybDQtN2gxNCIvPjwvc3ZnPg==',
  error:
    'data:image/svg+xml;base64,PHN2ZyB4bWxucz0iaHR0cDovL3d3dy53My5vcmcvMjAwMC9zdmciIHZpZXdCb3g9IjAgMCA2NCA2NCIgZmlsbD0ibm9uZSIgc3Ryb2tlPSIjOWUwYjIyIiBzdHJva2Utd2lkdGg9IjMiIHN0cm9rZS1saW5lY2FwPSJyb3VuZCIgc3Ryb2tlLWxpbmVqb2luPSJyb3VuZCI+PHBhdGggZD0iTTMyIDcgNTkgNTVINXoiLz48cGF0aCBkPSJNMzIgMjV2MTQiLz48Y2lyY2xlIGN4PSIzMiIgY3k9IjQ3IiByPSIxLjUiIGZpbGw9IiM5ZTBiMjIiLz48L3N2Zz4='
}
