import { message } from '@huzhu/shared'
import { rosterRow, rosterXlsx, setUnitSelection, startAppWithEveryRole, XLSX, type EveryRole, type TestApp } from '../../../test/helpers'
import { deleteFilesOnImport, pruneStaleRosterFiles, ROSTER_FILE_RETENTION_DAYS } from './roster-retention'

/**
 * Roster files hold ID numbers: deleted once the roster is imported, and a
 * roster never imported loses its files ROSTER_FILE_RETENTION_DAYS after upload
 * (the hourly job), through the outbox after the commit.
 */
let app: TestApp
let users: EveryRole
beforeAll(async () => {
  ;({ app, users } = await startAppWithEveryRole())
  await setUnitSelection(app, users.unitId, 'shaanxi-gig-2023', ['ZY'], 'union_gift')
})
afterAll(() => app.close())

const base = () => `/api/v1/units/${users.unitId}/rosters`
async function upload(): Promise<string> {
  const res = await app.api.request('POST', `${base()}?catalogueId=shaanxi-gig-2023`, undefined, {
    token: users.unit_admin.token, rawBody: new Uint8Array(await rosterXlsx([rosterRow(1), rosterRow(2)])), headers: { 'content-type': XLSX },
  })
  expect(res.status).toBe(201)
  return res.body.id as string
}
const importIt = (rosterId: string) => app.api.post(`${base()}/${rosterId}/import`, {}, { token: users.unit_admin.token })
const errorFile = (rosterId: string) => app.api.get(`${base()}/${rosterId}/errors.xlsx`, { token: users.unit_admin.token })
async function storedFiles(rosterId: string): Promise<string[]> {
  const names: string[] = []
  for await (const key of app.deps.blobs.list('rosters/')) if (key.includes(rosterId)) names.push(key.slice('rosters/'.length))
  return names.sort()
}
const removed = { code: 'roster_files_removed', message: message('roster_files_removed', { days: ROSTER_FILE_RETENTION_DAYS }) }

describe('roster files (ID numbers) are kept no longer than needed', () => {
  test('imported: its files are deleted after the commit; its error file is then refused with the reason', async () => {
    const id = await upload()
    expect(await storedFiles(id)).toEqual([`${id}.rows.jsonl`, `${id}.xlsx`])
    expect((await importIt(id)).status).toBe(200)
    await app.outbox.drain()
    expect(await storedFiles(id)).toEqual([])
    const file = await errorFile(id)
    expect([file.status, file.body.error]).toEqual([409, removed])
    expect((await importIt(id)).body.error.code).toBe('roster_already_imported')
  })

  test('imported without its bad rows: the error file stays until the retention ends, then both files go', async () => {
    const res = await app.api.request('POST', `${base()}?catalogueId=shaanxi-gig-2023`, undefined, {
      token: users.unit_admin.token, rawBody: new Uint8Array(await rosterXlsx([rosterRow(1), rosterRow(2, { 3: '610102199001011235' })])), headers: { 'content-type': XLSX },
    })
    expect([res.status, res.body.validCount]).toEqual([201, 1])
    const id = res.body.id as string
    expect((await app.api.post(`${base()}/${id}/import`, { onlyValidRows: true }, { token: users.unit_admin.token })).status).toBe(200)
    await app.outbox.drain()
    expect(await storedFiles(id)).toHaveLength(2)
    expect((await errorFile(id)).status).toBe(200)
    app.clock.advance(ROSTER_FILE_RETENTION_DAYS * 86_400_000 + 1_000)
    expect(await pruneStaleRosterFiles(app.db, app.clock)).toMatchObject({ rosters: expect.any(Number) })
    await app.outbox.drain()
    expect(await storedFiles(id)).toEqual([])
    expect((await errorFile(id)).status).toBe(409)
  })

  test(`never imported: kept ${ROSTER_FILE_RETENTION_DAYS} days, then deleted by the job; importing it then says why, and changes nothing`, async () => {
    const id = await upload()
    app.clock.advance((ROSTER_FILE_RETENTION_DAYS * 24 - 1) * 3_600_000)
    await pruneStaleRosterFiles(app.db, app.clock)
    await app.outbox.drain()
    expect(await storedFiles(id)).toHaveLength(2)
    app.clock.advance(3_600_000 + 1_000)
    expect(await pruneStaleRosterFiles(app.db, app.clock)).toEqual({ rosters: 1 })
    await app.outbox.drain()
    expect(await storedFiles(id)).toEqual([])
    const late = await importIt(id)
    expect([late.status, late.body.error]).toEqual([409, removed])
    expect(late.body.error.message).toContain('请重新上传')
    expect(await app.db.selectFrom('enrolments').select('id').where('roster_id', '=', id).execute()).toEqual([])
    expect((await errorFile(id)).status).toBe(409)
    // Done once: the next run finds nothing.
    expect(await pruneStaleRosterFiles(app.db, app.clock)).toEqual({ rosters: 0 })
  })

  test('a roster imported before imports deleted their files is found by the job; an import racing the job loses whole', async () => {
    const legacy = await upload()
    expect((await importIt(legacy)).status).toBe(200)
    await app.db.updateTable('rosters').set({ files_deleted_at: null }).where('id', '=', legacy).execute()
    expect(await pruneStaleRosterFiles(app.db, app.clock)).toEqual({ rosters: 1 })

    const raced = await upload()
    await app.db.updateTable('rosters').set({ files_deleted_at: new Date(app.clock.now()).toISOString() }).where('id', '=', raced).execute()
    await expect(app.db.transaction().execute((trx) => deleteFilesOnImport(trx, app.clock, raced))).rejects.toMatchObject({ code: 'roster_files_removed' })
  })
})
