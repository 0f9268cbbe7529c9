import ExcelJS from 'exceljs'
import { claimant, startAppWithEveryRole, submitTestClaim, type EveryRole, type TestApp } from '../../../test/helpers'

let app: TestApp
let roles: EveryRole
beforeAll(async () => ({ app, users: roles } = await startAppWithEveryRole()))
afterAll(() => app.close())

async function approvedClaim(name = '李大伟', amountFen?: number): Promise<string> {
  const member = await claimant(app, { profile: { name } })
  const claim = await submitTestClaim(app, member)
  const body = amountFen === undefined ? { decision: 'approve' } : { decision: 'approve', amountFen, note: '调整' }
  const res = await app.api.post(`/api/v1/claims/${claim.id}/decisions`, body, { token: roles.reviewer.token })
  if (res.status !== 200) throw new Error(res.text)
  return claim.id
}
const pay = (payments: unknown, token = roles.staff.token) => app.api.post('/api/v1/claim-payments', { payments }, { token })
const statusOf = async (id: string) => (await app.db.selectFrom('claims').select('status').where('id', '=', id).executeTakeFirstOrThrow()).status
const batchCount = async () => Number((await app.db.selectFrom('claim_payment_batches').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow()).n)

describe('POST /api/v1/claim-payments', () => {
  test('staff pay a batch of approved claims; each gets its reference, a history row and a message', async () => {
    const a = await approvedClaim()
    const b = await approvedClaim('赵敏', 123_456)
    const res = await pay([{ claimId: a, reference: 'BANK-2026-0001' }, { claimId: b, reference: 'BANK-2026-0002' }])
    expect(res.status).toBe(201)
    expect(res.body).toEqual({ id: expect.stringMatching(/^cpb_/), count: 2, totalFen: 620_000 + 123_456, createdAt: expect.any(String), createdBy: roles.staff.id })
    const claim = await app.api.get(`/api/v1/claims/${a}`, { token: roles.staff.token })
    expect(claim.body).toMatchObject({ status: 'paid', payment: { reference: 'BANK-2026-0001', paidAt: expect.any(String) } })
    expect(claim.body.history.at(-1)).toMatchObject({ status: 'paid', actorRole: 'staff' })
    const note = await app.db.selectFrom('notifications').select('body').where('subject_id', '=', b).where('kind', '=', 'claim_paid').executeTakeFirstOrThrow()
    expect(note.body).toBe('1,234.56 元已支付，付款流水号 BANK-2026-0002。')

    const xlsx = await fetch(`${app.baseUrl}/api/v1/claim-payments/${res.body.id}/export.xlsx`, { headers: { authorization: `Bearer ${roles.admin.token}` } })
    expect(xlsx.status).toBe(200)
    expect(xlsx.headers.get('content-type')).toContain('spreadsheetml')
    const workbook = new ExcelJS.Workbook()
    await workbook.xlsx.load(Buffer.from(await xlsx.arrayBuffer()) as never)
    const rows = workbook.worksheets[0]!.getSheetValues().slice(1).map((r) => (r as unknown[]).slice(1))
    expect(rows[0]).toEqual(['理赔编号', '姓名', '金额（元）', '付款流水号', '付款时间'])
    expect(rows.slice(1, 3)).toEqual([
      [a, '李**', 6200, 'BANK-2026-0001', expect.stringMatching(/^\d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2}$/)],
      [b, '赵*', 1234.56, 'BANK-2026-0002', expect.any(String)],
    ])
    expect(rows[3]).toEqual(['合计 2 笔', undefined, 7434.56])
  })

  test('all or nothing: one claim not approved (409), a reference used before (409) or repeated (422): nothing paid', async () => {
    const ok = await approvedClaim()
    const member = await claimant(app)
    const open = (await submitTestClaim(app, member)).id
    const batches = await batchCount()
    const notApproved = await pay([{ claimId: ok, reference: 'REF-A-0001' }, { claimId: open, reference: 'REF-A-0002' }])
    expect([notApproved.status, notApproved.body.error.code]).toEqual([409, 'claim_not_approved'])
    expect(notApproved.body.error.details).toEqual([{ claimId: open, status: 'submitted' }])
    const unknown = await pay([{ claimId: 'clm_01JAAAAAAAAAAAAAAAAAAAAAAA', reference: 'REF-A-0003' }])
    expect(unknown.status).toBe(409)
    const repeated = await pay([{ claimId: ok, reference: 'REF-A-0004' }, { claimId: open, reference: 'REF-A-0004' }])
    expect([repeated.status, repeated.body.error.code]).toEqual([422, 'payment_reference_repeated'])
    expect([await statusOf(ok), await batchCount()]).toEqual(['approved', batches])

    await pay([{ claimId: await approvedClaim(), reference: 'REF-USED-01' }])
    const taken = await pay([{ claimId: ok, reference: 'REF-USED-01' }])
    expect([taken.status, taken.body.error.code]).toEqual([409, 'payment_reference_taken'])
    expect(await statusOf(ok)).toBe('approved')
    const twice = await pay([{ claimId: ok, reference: 'REF-B-0001' }])
    expect(twice.status).toBe(201)
    expect((await pay([{ claimId: ok, reference: 'REF-B-0002' }])).status).toBe(409)
  })

  test('bad input 400; members, unit admins and reviewers 403; an unknown batch 404', async () => {
    expect((await pay([])).status).toBe(400)
    expect((await pay([{ claimId: 'clm_x', reference: 'ab' }])).status).toBe(400)
    const ok = await approvedClaim()
    for (const user of [roles.member, roles.unit_admin, roles.reviewer]) {
      expect((await pay([{ claimId: ok, reference: 'REF-C-0001' }], user.token)).status).toBe(403)
      expect((await app.api.get('/api/v1/claim-payments/cpb_01JAAAAAAAAAAAAAAAAAAAAAAA/export.xlsx', { token: user.token })).status).toBe(403)
    }
    expect(await statusOf(ok)).toBe('approved')
    expect((await app.api.get('/api/v1/claim-payments/cpb_01JAAAAAAAAAAAAAAAAAAAAAAA/export.xlsx', { token: roles.staff.token })).status).toBe(404)
    expect((await app.api.get('/api/v1/claim-payments/nope/export.xlsx', { token: roles.staff.token })).status).toBe(400)
  })
})
