import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { startTestApp, type TestApp } from '../../test/helpers'

let app: TestApp
let staticDir: string

beforeAll(async () => {
  staticDir = mkdtempSync(join(tmpdir(), 'huzhu-h5-'))
  writeFileSync(join(staticDir, 'index.html'), '<!doctype html><title>互助</title>')
  mkdirSync(join(staticDir, 'js'))
  writeFileSync(join(staticDir, 'js', 'app.js'), 'console.log(1)')
  writeFileSync(join(staticDir, 'js', 'app.3857d213.js'), `console.log('${'互助'.repeat(2000)}')`)
  app = await startTestApp({ env: { HUZHU_STATIC_DIR: staticDir } })
})
afterAll(async () => {
  await app.close()
  rmSync(staticDir, { recursive: true, force: true })
})

describe('the built H5 app', () => {
  test('is served, with index.html for unknown app paths', async () => {
    for (const path of ['/', '/pages/quote/index', '/pages/me/index?x=1']) {
      const res = await app.api.get(path)
      expect(res.status).toBe(200)
      expect(res.headers.get('content-type')).toMatch(/text\/html/)
      expect(res.text).toContain('互助')
      expect(res.headers.get('cache-control')).toBe('no-cache')
    }
    const js = await app.api.get('/js/app.js')
    expect(js.status).toBe(200)
    expect(js.text).toBe('console.log(1)')
  })

  test('a hashed bundle is cached for good and sent gzipped to a browser that accepts it', async () => {
    const res = await app.api.request('GET', '/js/app.3857d213.js', undefined, { headers: { 'Accept-Encoding': 'gzip' } })
    expect(res.status).toBe(200)
    expect(res.headers.get('cache-control')).toBe('public, max-age=31536000, immutable')
    expect(res.headers.get('content-encoding')).toBe('gzip')
    expect(res.text).toContain('互助互助')
  })

  test('a missing file with an extension, a traversal, and API paths are not the app', async () => {
    expect((await app.api.get('/js/missing.js')).status).toBe(404)
    expect((await app.api.get('/../../etc/passwd')).text).not.toContain('root:')
    const api = await app.api.get('/api/v1/unknown')
    expect(api.status).toBe(404)
    expect(api.body.error.code).toBe('not_found')
    expect((await app.api.get('/api/v1/health')).body).toEqual({ status: 'ok' })
  })
})
