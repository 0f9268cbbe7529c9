import { existsSync, mkdirSync, mkdtempSync, readdirSync, rmSync, statSync, utimesSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { STALE_TEMP_MS, sweepTempFiles, tempDirOf, tempFilePath, withTempFile } from './temp-files'

let dataDir: string
beforeEach(() => {
  dataDir = mkdtempSync(join(tmpdir(), 'huzhu-temp-files-'))
})
afterEach(() => rmSync(dataDir, { recursive: true, force: true }))

/** A file last written `ageMs` ago. */
function leave(path: string, ageMs: number): string {
  mkdirSync(join(path, '..'), { recursive: true })
  writeFileSync(path, '姓名,身份证号码\n张三,610102199001011234\n')
  const at = new Date(Date.now() - ageMs)
  utimesSync(path, at, at)
  return path
}

describe('the temporary area', () => {
  test('fresh paths are in the data folder’s tmp/, in a folder only the server reads', () => {
    const path = tempFilePath(dataDir, 'roster')
    expect(path.startsWith(join(tempDirOf(dataDir), 'roster-'))).toBe(true)
    expect(tempFilePath(dataDir, 'roster')).not.toBe(path)
    expect(statSync(tempDirOf(dataDir)).mode & 0o777).toBe(0o700)
  })

  test('the sweep removes what crashed requests left, and never a file another node on a shared folder is still writing', async () => {
    const crashed = leave(join(tempDirOf(dataDir), 'roster-crashed.part'), 2 * 3600_000)
    const anotherNodes = leave(join(tempDirOf(dataDir), 'roster-in-progress.part'), 5_000)
    const oldUpload = leave(join(dataDir, 'uploads', 'tmp', 'a1b2c3.part'), STALE_TEMP_MS + 60_000)
    const oldRosterPart = leave(join(dataDir, 'rosters', 'rst_01JAAAAAAAAAAAAAAAAAAAAAAA.part'), STALE_TEMP_MS + 60_000)
    const stored = leave(join(dataDir, 'rosters', 'rst_01JAAAAAAAAAAAAAAAAAAAAAAA.xlsx'), 30 * 86_400_000)
    expect(await sweepTempFiles(dataDir)).toBe(3)
    for (const gone of [crashed, oldUpload, oldRosterPart]) expect(existsSync(gone)).toBe(false)
    for (const kept of [anotherNodes, stored]) expect(existsSync(kept)).toBe(true)
    // An hour later nobody is writing it any more: it goes too.
    expect(await sweepTempFiles(dataDir, Date.now() + STALE_TEMP_MS + 1_000)).toBe(1)
    expect(readdirSync(tempDirOf(dataDir))).toEqual([])
  })

  test('withTempFile: the file is gone when the work ends, whether it succeeded or threw', async () => {
    let kept = ''
    await expect(withTempFile(dataDir, 'medical-records', async (path) => {
      kept = path
      writeFileSync(path, '身份证号码\n610102199001011234\n')
      return 'done'
    })).resolves.toBe('done')
    expect(existsSync(kept)).toBe(false)
    await expect(withTempFile(dataDir, 'medical-records', async (path) => {
      kept = path
      writeFileSync(path, '身份证号码\n610102199001011234\n')
      throw new Error('check failed')
    })).rejects.toThrow('check failed')
    expect(existsSync(kept)).toBe(false)
    expect(readdirSync(tempDirOf(dataDir))).toEqual([])
  })
})
