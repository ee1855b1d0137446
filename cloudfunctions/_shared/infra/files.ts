// The own-file rule, for every file field of every action (wish photos, facility photos, goods photos,
// activity covers, need photos, avatars): a file id a caller sends must be their own upload — the app (and
// the local cloud's gateway) stores a person's uploads under users/<openid>/ — or a file already on the
// record being edited, sent back unchanged. Anything else would publish another person's private upload.
import { escapeRegExp } from '../domain/regex'
import { invalid } from './errors'

/** A file is the caller's when it is stored under users/<openid>/. */
export const isOwnFile = (fileId: string, openid: string) =>
  Boolean(openid) && new RegExp(`^cloud://[^/\\s]+/users/${escapeRegExp(openid)}/[^\\s]+$`).test(fileId) && !fileId.includes('..')

type Files = readonly (string | null | undefined)[]

/**
 * Throws INVALID_ARGUMENT (on field `path`) unless every file in `files` is the caller's own upload or
 * one of `kept` (the files the record being edited already holds).
 */
export function requireOwnFiles(files: Files, openid: string, { path = 'photos', kept = [] }: { path?: string; kept?: Files } = {}): void {
  const allowed = new Set(kept.filter(Boolean))
  const foreign = files.some((f) => f && !allowed.has(f) && !isOwnFile(f, openid))
  if (foreign) throw invalid('只能使用您本人上传的图片', { fields: [{ path, message: '只能使用您本人上传的图片' }] })
}
