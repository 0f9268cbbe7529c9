import { execFile } from 'node:child_process'
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { handmadeZip, rosterRow, rosterXlsx } from '../../test/helpers'

const serverDir = join(__dirname, '../..')
jest.setTimeout(60_000) // each run starts tsx (about 1.5 s on this machine)
let dir: string
beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'huzhu-roster-cli-'))
})
afterAll(() => rmSync(dir, { recursive: true, force: true }))

/** Runs `tsx src/cli/roster.ts ...args` and gives its exit code and output. */
function roster(...args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  return new Promise((done) => {
    execFile(process.execPath, ['--import', 'tsx', 'src/cli/roster.ts', ...args], { cwd: serverDir, env: { ...process.env, HUZHU_DATA_DIR: dir } }, (error, stdout, stderr) => {
      done({ code: error ? (typeof error.code === 'number' ? error.code : 99) : 0, stdout, stderr })
    })
  })
}

async function file(name: string, bytes: Buffer | Promise<Buffer>): Promise<string> {
  const path = join(dir, name)
  writeFileSync(path, await bytes)
  return path
}

describe('npm run roster -- check', () => {
  test('a clean roster: exit 0 and the counts', async () => {
    const path = await file('clean.xlsx', rosterXlsx([rosterRow(1), rosterRow(2)]))
    const res = await roster('check', path, '--catalogue', 'shaanxi-gig-2023')
    expect(res.code).toBe(0)
    expect(JSON.parse(res.stdout)).toEqual({ rowCount: 2, validCount: 2, errors: [] })
  })

  test('exactly as the README says, from the repo root with a path relative to where it is typed', async () => {
    await file('relative.xlsx', rosterXlsx([rosterRow(1)]))
    const repoRoot = join(serverDir, '..')
    const res = await new Promise<{ code: number; stdout: string }>((done) => {
      execFile('npm', ['--prefix', repoRoot, 'run', '--silent', 'roster', '--', 'check', 'relative.xlsx', '--catalogue', 'shaanxi-gig-2023'], { cwd: dir, env: { ...process.env, HUZHU_DATA_DIR: dir } }, (error, stdout) =>
        done({ code: error ? (typeof error.code === 'number' ? error.code : 99) : 0, stdout }),
      )
    })
    expect(res.code).toBe(0)
    expect(JSON.parse(res.stdout.slice(res.stdout.indexOf('{')))).toEqual({ rowCount: 1, validCount: 1, errors: [] })
  })

  test('bad rows: exit 1, each error with row, column, code and Chinese message; no ID number printed', async () => {
    const good = rosterRow(1)
    const path = await file('bad.xlsx', rosterXlsx([good, rosterRow(2, { 4: '12345' }), rosterRow(3, { 3: good[3] })]))
    const res = await roster('check', path, '--catalogue', 'shaanxi-gig-2023')
    expect(res.code).toBe(1)
    const out = JSON.parse(res.stdout)
    expect(out).toMatchObject({ rowCount: 3, validCount: 1 })
    expect(out.errors).toEqual([
      { row: 3, column: '手机号码', code: 'mobile_invalid', message: expect.stringMatching(/[\u4e00-\u9fff]/) },
      { row: 4, column: '身份证号码', code: 'roster_duplicate_id', message: '身份证号码与第 2 行重复' },
    ])
    expect(res.stdout).not.toContain(String(good[3]))
  })

  test('a zip bomb or a non-xlsx file: exit 1 with roster_invalid_file', async () => {
    const bomb = await file('bomb.xlsx', handmadeZip([{ name: 'xl/workbook.xml', data: Buffer.alloc(10) }, { name: 'xl/worksheets/sheet1.xml', data: Buffer.alloc(4 << 20) }]))
    const res = await roster('check', bomb, '--catalogue', 'shaanxi-gig-2023')
    expect(res.code).toBe(1)
    expect(JSON.parse(res.stdout).errors).toEqual([expect.objectContaining({ code: 'roster_invalid_file' })])
    const text = await file('text.xlsx', Buffer.from('not a spreadsheet'))
    expect((await roster('check', text, '--catalogue', 'shaanxi-gig-2023')).code).toBe(1)
  })

  test('usage errors exit 2', async () => {
    const path = await file('u.xlsx', rosterXlsx([rosterRow(1)]))
    const runs = await Promise.all([
      roster('check', path),
      roster('check', path, '--catalogue', 'atlantis'),
      roster('lint', path, '--catalogue', 'shaanxi-gig-2023'),
      roster('check', join(dir, 'missing.xlsx'), '--catalogue', 'shaanxi-gig-2023'),
      roster('check', path, '--catalogue', 'shaanxi-gig-2023', '--bogus'),
    ])
    expect(runs.map((r) => r.code)).toEqual([2, 2, 2, 2, 2])
    expect(runs[4]!.stderr).toContain('usage:')
    expect(runs[4]!.stdout).toBe('')
  })
})
