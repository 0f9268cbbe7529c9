const KEY = /^[A-Za-z0-9_-][A-Za-z0-9._-]*(\/[A-Za-z0-9_-][A-Za-z0-9._-]*)*$/

/**
 * Refuses a blob key that could leave the store's folder or that S3 would have
 * to encode: only `/`-separated segments of letters, digits, `.`, `_` and `-`,
 * none starting with a dot (so no `..`), at most 512 characters.
 */
export function assertBlobKey(key: string): void {
  if (!KEY.test(key) || key.length > 512) throw new Error(`invalid blob key: ${JSON.stringify(key)}`)
}
