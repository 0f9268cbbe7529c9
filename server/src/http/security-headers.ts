import { createHash } from 'node:crypto'
import { readFileSync, statSync } from 'node:fs'

/**
 * Security headers. Every response (API, app files, errors) may not be framed by
 * any site (`frame-ancestors 'none'`, and `X-Frame-Options: DENY` for browsers
 * without CSP level 2); production adds HSTS. The H5 app's HTML pages carry the
 * full policy: scripts only from this origin plus the inline scripts of the page
 * itself, by hash (Taro's build puts its rem-sizing script inline in index.html),
 * no eval (the app runs zod jitless). Styles may be inline: Taro's H5 runtime and
 * NutUI add `<style>` elements at run time.
 */

/** What every response carries until a page's own policy replaces it. */
export const FRAME_POLICY = "frame-ancestors 'none'"

/** One year; no `includeSubDomains`: the installation does not own its domain's other hosts. */
export const HSTS_POLICY = 'max-age=31536000'

/** The sha256 sources (`'sha256-…'`) of an HTML page's inline `<script>` elements. */
export function inlineScriptHashes(html: string): string[] {
  const hashes: string[] = []
  for (const match of html.matchAll(/<script\b([^>]*)>([\s\S]*?)<\/script\s*>/gi)) {
    const [, attributes = '', body = ''] = match
    if (/\bsrc\s*=/i.test(attributes) || body === '') continue
    hashes.push(`'sha256-${createHash('sha256').update(body, 'utf8').digest('base64')}'`)
  }
  return hashes
}

/**
 * The policy of one of the app's pages. The app calls only its own API (same
 * origin), shows photos from `blob:` (chosen files) and `data:` (QR codes),
 * and reads the camera into a `<video>` through a stream (no URL).
 */
export function pageSecurityPolicy(html: string): string {
  return [
    "default-src 'self'",
    `script-src ${["'self'", ...inlineScriptHashes(html)].join(' ')}`,
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' data: blob:",
    "font-src 'self' data:",
    "connect-src 'self'",
    "media-src 'self' blob:",
    "worker-src 'self' blob:",
    "object-src 'none'",
    "base-uri 'self'",
    "form-action 'self'",
    FRAME_POLICY,
  ].join('; ')
}

const policies = new Map<string, { version: string; policy: string }>()

/** The policy of an HTML file on disk, read again only when the file changes (a new build). */
export function pageSecurityPolicyOf(path: string): string {
  const stat = statSync(path)
  const version = `${stat.mtimeMs}:${stat.size}`
  const cached = policies.get(path)
  if (cached?.version === version) return cached.policy
  const policy = pageSecurityPolicy(readFileSync(path, 'utf8'))
  policies.set(path, { version, policy })
  return policy
}
