import { execFile } from 'node:child_process'
import { join } from 'node:path'
import { repoRoot } from './h5-build'

/**
 * The H5 build (`npm start` runs it when the app is missing or stale, `npm test`
 * and people run it by hand) is the same whatever NODE_ENV the shell has. Under
 * `development` or `test` it used to stop at once: babel-preset-taro wanted
 * react-refresh (not installed) for any non-production H5 build, and under
 * `test` it compiled for Node with CommonJS modules. Each case runs in a fresh
 * Node process set up as `taro build --type h5` sets itself up (TARO_ENV=h5,
 * TARO_PLATFORM=web, then miniapp/config/index.ts pins NODE_ENV), and compiles
 * a source file through the app's babel.config.js.
 */
const miniappDir = join(repoRoot, 'miniapp')
jest.setTimeout(60_000)

const compileScript = `
const path = require('node:path')
const babel = require('@babel/core')
const { pinBuildNodeEnv } = require('./config/build-env.ts')
pinBuildNodeEnv(JSON.parse(process.env.TEST_ARGV), process.env)
const result = babel.transformSync('export const depth = (a) => a?.b ?? 1', { filename: path.join(process.cwd(), 'src/probe.ts'), cwd: process.cwd() })
process.stdout.write(JSON.stringify({ nodeEnv: process.env.NODE_ENV, code: result.code }))
`

function compileAsTaroBuild(nodeEnv: string, argv: string[]): Promise<{ nodeEnv: string; code: string }> {
  const env: Record<string, string> = { ...(process.env as Record<string, string>), NODE_ENV: nodeEnv, TARO_ENV: 'h5', TARO_PLATFORM: 'web', TEST_ARGV: JSON.stringify(argv) }
  delete env.JEST_WORKER_ID
  return new Promise((done, fail) => {
    execFile(process.execPath, ['--import', 'tsx', '-e', compileScript], { cwd: miniappDir, env }, (error, stdout, stderr) =>
      error ? fail(new Error(`${error.message}\n${stderr}`)) : done(JSON.parse(stdout) as { nodeEnv: string; code: string }))
  })
}

const build = ['node', 'taro', 'build', '--type', 'h5']

describe('the H5 build under any NODE_ENV', () => {
  test.each(['development', 'test', 'production'])('NODE_ENV=%s: the production build for the phones, no React Fast Refresh', async (nodeEnv) => {
    const out = await compileAsTaroBuild(nodeEnv, build)
    expect(out.nodeEnv).toBe('production')
    expect(out.code).not.toMatch(/\$RefreshReg\$|react-refresh/)
    expect(out.code).toMatch(/^export /m) // ES modules for webpack, not CommonJS for Node
    expect(out.code).not.toContain('?.') // compiled for the phones in miniapp/package.json's browserslist
  })

  test('a --watch build keeps its development NODE_ENV and still needs no react-refresh', async () => {
    const out = await compileAsTaroBuild('development', [...build, '--watch'])
    expect(out.nodeEnv).toBe('development')
    expect(out.code).not.toMatch(/\$RefreshReg\$|react-refresh/)
  })
})
