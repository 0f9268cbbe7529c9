import { message } from '@huzhu/shared'
import { freshIdNumber, startAppWithEveryRole, type EveryRole, type TestApp } from '../../../test/helpers'

/** The staff page's calls: flag by name and ID number, list (masked, paged), remove by the listed id (issue 11, item 5). */
let app: TestApp
let users: EveryRole
beforeAll(async () => {
  ;({ app, users } = await startAppWithEveryRole())
})
afterAll(() => app.close())

const flag = (body: Record<string, unknown>) => app.api.post('/api/v1/hardship-workers', body, { token: users.staff.token })
const list = (query = '') => app.api.get(`/api/v1/hardship-workers${query}`, { token: users.staff.token })

describe('hardship workers (困难职工) as the staff page sees them', () => {
  test('flagged by name and ID number, listed newest first with both masked, paged, removed by the listed id (audited)', async () => {
    const ids = [freshIdNumber(), freshIdNumber(), freshIdNumber()]
    const names = ['赵一', '钱二二', '孙三']
    for (const [i, idNumber] of ids.entries()) expect((await flag({ name: names[i], idNumber, reason: `困难职工档案 2026-00${i}` })).status).toBe(200)

    const first = await list('?limit=2')
    expect(first.status).toBe(200)
    expect(first.body.workers.map((w: { reason: string }) => w.reason)).toEqual(['困难职工档案 2026-002', '困难职工档案 2026-001'])
    expect(first.body.workers[0]).toEqual({
      id: expect.stringMatching(/^hdw_/), nameMasked: '孙*', idNumberMasked: `${ids[2]!.slice(0, 4)}${'*'.repeat(10)}${ids[2]!.slice(-4)}`,
      reason: '困难职工档案 2026-002', flaggedAt: expect.any(String), flaggedBy: users.staff.id,
    })
    expect(first.body.workers[1].nameMasked).toBe('钱**')
    expect(JSON.stringify(first.body)).not.toContain(ids[2])
    const second = await list(`?limit=2&before=${first.body.nextBefore}`)
    expect(second.body).toEqual({ workers: [expect.objectContaining({ reason: '困难职工档案 2026-000' })], nextBefore: null })

    // Flagged again: the same flag, its name and reason replaced.
    expect((await flag({ name: '赵一一', idNumber: ids[0], reason: '困难职工档案 2026-100' })).body).toMatchObject({ id: second.body.workers[0].id, nameMasked: '赵**', reason: '困难职工档案 2026-100' })

    const removedId = first.body.workers[0].id as string
    expect((await app.api.delete(`/api/v1/hardship-workers/${removedId}`, { token: users.staff.token })).status).toBe(204)
    const again = await app.api.delete(`/api/v1/hardship-workers/${removedId}`, { token: users.staff.token })
    expect([again.status, again.body.error]).toEqual([404, { code: 'hardship_not_found', message: message('hardship_not_found') }])
    expect((await list()).body.workers.map((w: { id: string }) => w.id)).not.toContain(removedId)
    const audit = await app.db.selectFrom('audit_log').select(['action', 'fields']).where('resource', '=', `hardship_worker:${removedId}`).orderBy('id').execute()
    expect(audit.map((a) => a.action)).toEqual(['create', 'delete'])
  })

  test('a name and a valid ID number are required, in Chinese; nothing is flagged; a bad page id is a 400', async () => {
    const before = (await list()).body.workers.length
    const noName = await flag({ idNumber: freshIdNumber(), reason: '困难职工档案 2026-200' })
    expect([noName.status, noName.body.error.code]).toEqual([400, 'validation_failed'])
    expect(JSON.stringify(noName.body)).toContain(message('name_required'))
    const badId = await flag({ name: '李四', idNumber: '110101199003071234', reason: '困难职工档案 2026-201' })
    expect(badId.status).toBe(400)
    expect((await list()).body.workers.length).toBe(before)
    expect((await list('?before=1')).status).toBe(400)
    expect((await app.api.delete('/api/v1/hardship-workers/nope', { token: users.staff.token })).status).toBe(400)
  })
})
