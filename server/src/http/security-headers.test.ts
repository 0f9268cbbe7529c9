import { createHash } from 'node:crypto'
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { startTestApp, type TestApp } from '../../test/helpers'

/** An H5 build as Taro makes it: one inline script (rem sizing) in index.html, the bundles by URL. */
const inlineScript = 'document.documentElement.style.fontSize = "20px"'
const indexHtml = (script: string) =>
  `<!doctype html><html><head><title>互助</title><script>${script}</script><script defer="defer" src="/js/app.3857d213.js"></script></head><body><div id="app"></div></body></html>`
const sha256 = (text: string) => `'sha256-${createHash('sha256').update(text).digest('base64')}'`

function directives(policy: string | null): Map<string, string[]> {
  return new Map((policy ?? '').split(';').map((d) => d.trim().split(/\s+/)).filter((d) => d[0]).map(([name, ...values]) => [name!, values]))
}

let staticDir: string
beforeAll(() => {
  staticDir = mkdtempSync(join(tmpdir(), 'huzhu-h5-csp-'))
  mkdirSync(join(staticDir, 'js'))
  writeFileSync(join(staticDir, 'index.html'), indexHtml(inlineScript))
  writeFileSync(join(staticDir, 'js', 'app.3857d213.js'), 'console.log(1)')
})
afterAll(() => rmSync(staticDir, { recursive: true, force: true }))

describe('security headers outside production', () => {
  let app: TestApp
  beforeAll(async () => {
    app = await startTestApp({ env: { HUZHU_STATIC_DIR: staticDir } })
  })
  afterAll(() => app.close())

  test("the app's pages carry a Content-Security-Policy: scripts from this origin and the page's own inline script by hash, no framing", async () => {
    for (const path of ['/', '/pages/quote/index', '/staff/index/index']) {
      const res = await app.api.get(path)
      expect(res.status).toBe(200)
      const policy = directives(res.headers.get('content-security-policy'))
      expect(policy.get('script-src')).toEqual(["'self'", sha256(inlineScript)])
      expect(policy.get('default-src')).toEqual(["'self'"])
      expect(policy.get('connect-src')).toEqual(["'self'"])
      expect(policy.get('object-src')).toEqual(["'none'"])
      expect(policy.get('frame-ancestors')).toEqual(["'none'"])
      expect(res.headers.get('x-frame-options')).toBe('DENY')
      expect(res.headers.get('strict-transport-security')).toBeNull()
    }
  })

  test('a new build with another inline script gets that script’s hash at once', async () => {
    const next = `${inlineScript};window.rebuilt=1`
    writeFileSync(join(staticDir, 'index.html'), indexHtml(next))
    const policy = directives((await app.api.get('/')).headers.get('content-security-policy'))
    expect(policy.get('script-src')).toEqual(["'self'", sha256(next)])
  })

  test('API answers, errors and bundles may not be framed either', async () => {
    for (const path of ['/api/v1/health', '/api/v1/nothing-here', '/js/app.3857d213.js']) {
      const res = await app.api.get(path)
      expect(res.headers.get('x-frame-options')).toBe('DENY')
      expect(res.headers.get('content-security-policy')).toBe("frame-ancestors 'none'")
      expect(res.headers.get('strict-transport-security')).toBeNull()
    }
  })
})

describe('security headers in production', () => {
  let app: TestApp
  beforeAll(async () => {
    app = await startTestApp({ env: { NODE_ENV: 'production', SMS_PROVIDER: 'console', SMS_FIXED_CODE: '', HUZHU_STATIC_DIR: staticDir } })
  })
  afterAll(() => app.close())

  test('every answer asks the browser to use HTTPS only (HSTS), pages and API alike', async () => {
    for (const path of ['/', '/api/v1/health', '/api/v1/nothing-here']) {
      const res = await app.api.get(path)
      expect(res.headers.get('strict-transport-security')).toBe('max-age=31536000')
      expect(res.headers.get('x-frame-options')).toBe('DENY')
    }
  })
})
