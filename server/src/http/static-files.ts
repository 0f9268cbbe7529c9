import { extname } from 'node:path'
import type { Middleware } from 'koa'
import { send } from '@koa/send'
import type { AppContextExtras, AppState } from './context'
import { pageSecurityPolicyOf } from './security-headers'

/**
 * Serves a built H5 app for GET/HEAD outside `/api/`. An unknown path without a
 * file extension gets `index.html` (the app's router handles it); a missing file
 * with an extension (`/x.js`) stays a 404. An HTML page carries its full
 * Content-Security-Policy (security-headers.ts).
 */
export function staticFiles(root: string): Middleware<AppState, AppContextExtras> {
  // index.html is revalidated on every load; the bundles it names carry a content hash, so they never change.
  const cacheHeaders = (res: { setHeader(name: string, value: string): void }, path: string) => {
    if (path.endsWith('.html')) {
      res.setHeader('Cache-Control', 'no-cache')
      res.setHeader('Content-Security-Policy', pageSecurityPolicyOf(path))
    } else if (/\.[0-9a-f]{8,}\.(js|css)$/.test(path)) res.setHeader('Cache-Control', 'public, max-age=31536000, immutable')
  }
  return async (ctx, next) => {
    if (ctx.path.startsWith('/api/') || (ctx.method !== 'GET' && ctx.method !== 'HEAD')) return next()
    try {
      // No precompressed variants (koa-compress gzips): the path given to setHeaders is the file itself.
      await send(ctx, ctx.path, { root, index: 'index.html', maxAge: 3_600_000, gzip: false, brotli: false, setHeaders: cacheHeaders })
      return
    } catch (error) {
      const status = (error as { status?: number }).status
      if (status !== 404 && status !== 400) throw error
    }
    if (extname(ctx.path) !== '') return next()
    await send(ctx, 'index.html', { root, gzip: false, brotli: false, setHeaders: cacheHeaders })
  }
}
