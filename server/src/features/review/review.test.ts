import { CompiledQuery, sql } from 'kysely'
import { queueQuery } from './review.repository'
import { claimant, startAppWithEveryRole, submitTestClaim, testDatabaseKind, uploadPhoto, type Claimant, type EveryRole, type TestApp } from '../../../test/helpers'

let app: TestApp
let roles: EveryRole
beforeAll(async () => ({ app, users: roles } = await startAppWithEveryRole()))
afterAll(() => app.close())

const decide = (claimId: string, body: unknown, token = roles.reviewer.token) => app.api.post(`/api/v1/claims/${claimId}/decisions`, body, { token })
const startReview = (claimId: string, token = roles.reviewer.token) => app.api.post(`/api/v1/claims/${claimId}/review`, {}, { token })
const claimRow = (id: string) => app.db.selectFrom('claims').selectAll().where('id', '=', id).executeTakeFirstOrThrow()
const queue = (query = '', token = roles.reviewer.token) => app.api.get(`/api/v1/review/claims${query}`, { token })

describe('review decisions', () => {
  let member: Claimant
  beforeAll(async () => {
    member = await claimant(app)
  })

  test('a reviewer takes a claim into review, then approves the engine’s amount; history, lines and message follow', async () => {
    const claim = await submitTestClaim(app, member)
    const started = await startReview(claim.id)
    expect([started.status, started.body.status]).toEqual([200, 'in_review'])
    expect((await startReview(claim.id)).status).toBe(409)
    const res = await decide(claim.id, { decision: 'approve' })
    expect(res.status).toBe(200)
    expect(res.body).toMatchObject({ status: 'approved', decision: { approvedFen: 620_000, refusal: null, missing: [], note: null } })
    expect(res.body.decision.lines).toEqual(claim.estimate.lines)
    expect(res.body.history.map((h: { status: string; actorRole: string }) => `${h.status}/${h.actorRole}`)).toEqual(['submitted/member', 'in_review/reviewer', 'approved/reviewer'])
    const note = await app.db.selectFrom('notifications').selectAll().where('subject_id', '=', claim.id).where('kind', '=', 'claim_approved').executeTakeFirstOrThrow()
    expect(note.body).toContain('6,200.00')
    expect((await decide(claim.id, { decision: 'approve' })).status).toBe(409)
    const withdraw = await app.api.post(`/api/v1/claims/${claim.id}/withdraw`, {}, { token: member.token })
    expect(withdraw.status).toBe(409)
  })

  test('another amount needs a note (422, unchanged); with one it is approved and flagged amount_changed', async () => {
    const claim = await submitTestClaim(app, member)
    const refused = await decide(claim.id, { decision: 'approve', amountFen: 500_000 })
    expect([refused.status, refused.body.error.code]).toEqual([422, 'amount_change_needs_reason'])
    expect((await claimRow(claim.id)).status).toBe('submitted')
    expect((await decide(claim.id, { decision: 'approve', amountFen: 12.5, note: 'x' })).status).toBe(400)
    expect((await decide(claim.id, { decision: 'approve', amountFen: 0, note: '无' })).body.error.code).toBe('claim_nothing_to_pay')
    const res = await decide(claim.id, { decision: 'approve', amountFen: 500_000, note: '部分费用不在报销范围' })
    expect(res.body).toMatchObject({ status: 'approved', decision: { approvedFen: 500_000, note: '部分费用不在报销范围' } })
    expect(res.body.decision.lines.reduce((s: number, l: { amountFen: number }) => s + l.amountFen, 0)).toBe(500_000)
    expect(res.body.flags).toEqual([expect.objectContaining({ code: 'amount_changed' })])
  })

  test('reject with a numbered reason; an unknown reason is 400', async () => {
    const claim = await submitTestClaim(app, member)
    expect((await decide(claim.id, { decision: 'reject', refusal: 'because' })).status).toBe(400)
    const res = await decide(claim.id, { decision: 'reject', refusal: 'false_information', note: '发票系伪造' })
    expect(res.body).toMatchObject({ status: 'rejected', decision: { refusal: { code: 'false_information', number: 13, text: '理赔材料与事实不符' } } })
    const note = await app.db.selectFrom('notifications').selectAll().where('subject_id', '=', claim.id).where('kind', '=', 'claim_rejected').executeTakeFirstOrThrow()
    expect(note.body).toBe('第13号：理赔材料与事实不符')
  })

  test('request material; the member sends it: submitted again, new due date, figures recomputed', async () => {
    const claim = await submitTestClaim(app, member)
    expect((await decide(claim.id, { decision: 'request_material', missing: [], note: 'x' })).status).toBe(400)
    const asked = await decide(claim.id, { decision: 'request_material', missing: ['settlement_slip', 'discharge_summary'], note: '请补充结算单和出院小结' })
    expect(asked.body).toMatchObject({ status: 'needs_material', decision: { missing: ['settlement_slip', 'discharge_summary'] } })
    const message = await app.db.selectFrom('notifications').select('body').where('subject_id', '=', claim.id).where('kind', '=', 'claim_needs_material').executeTakeFirstOrThrow()
    expect(message.body).toContain('结算单、出院小结')

    const other = await claimant(app)
    const slip = await uploadPhoto(app, member)
    const snoop = await app.api.post(`/api/v1/claims/${claim.id}/material`, { documents: [{ uploadId: slip, kind: 'settlement_slip' }] }, { token: other.token })
    expect(snoop.status).toBe(404)
    expect((await app.api.post(`/api/v1/claims/${claim.id}/material`, { documents: [{ uploadId: slip, kind: 'x-ray' }] }, { token: member.token })).status).toBe(400)
    app.clock.advance(3 * 86_400_000) // Friday 2026-11-27 in China
    const sent = await app.api.post(`/api/v1/claims/${claim.id}/material`, {
      documents: [{ uploadId: slip, kind: 'settlement_slip' }], figures: { pooledOutOfPocketFen: 100_000 }, note: '已补交',
    }, { token: member.token })
    expect(sent.status).toBe(200)
    expect(sent.body).toMatchObject({ status: 'submitted', dueOn: '2026-12-11', estimate: { totalFen: 60_000 } })
    expect(sent.body.documents.map((d: { kind: string }) => d.kind)).toEqual(['invoice', 'settlement_slip'])
    expect(sent.body.lastMaterialAt > claim.lastMaterialAt).toBe(true)
    const again = await app.api.post(`/api/v1/claims/${claim.id}/material`, { documents: [] , note: 'x' }, { token: member.token })
    expect([again.status, again.body.error.code]).toEqual([409, 'claim_material_not_requested'])
  })

  test('an approved fixed sum counts against the next claim in the plan year (paid once a year)', async () => {
    const person = await claimant(app, { profile: {} })
    const first = await submitTestClaim(app, person, { kind: 'critical_illness', figures: {}, eventDate: '2020-06-01' })
    expect(first.estimate.totalFen).toBe(1_000_000)
    await decide(first.id, { decision: 'approve' })
    const second = await submitTestClaim(app, person, { kind: 'critical_illness', figures: {}, eventDate: '2020-09-01' })
    expect(second.estimate.totalFen).toBe(0)
    expect(second.estimate.lines).toEqual([expect.objectContaining({ refusal: { code: 'already_paid_this_year', number: 5 } })])
  })

  test('only reviewers decide; a member, staff and admin get 403; an unknown claim 404', async () => {
    const claim = await submitTestClaim(app, member)
    for (const user of [member, roles.staff, roles.admin, roles.unit_admin]) {
      expect((await decide(claim.id, { decision: 'approve' }, user.token)).status).toBe(403)
      expect((await startReview(claim.id, user.token)).status).toBe(403)
    }
    expect((await claimRow(claim.id)).status).toBe('submitted')
    expect((await decide('clm_01JAAAAAAAAAAAAAAAAAAAAAAA', { decision: 'approve' })).status).toBe(404)
    expect((await startReview('clm_01JAAAAAAAAAAAAAAAAAAAAAAA')).status).toBe(404)
    expect((await startReview('12345')).status).toBe(400)
    expect((await decide(claim.id, { decision: 'maybe' })).status).toBe(400)
  })
})

describe('GET /api/v1/review/claims', () => {
  test('by due date then id, cursor paging, filters; members are refused; staff see only approved claims', async () => {
    const member = await claimant(app)
    app.clock.set('2026-12-01T02:00:00.000Z')
    const later = await submitTestClaim(app, member, { kind: 'accident_death', figures: {} })
    app.clock.set('2026-11-02T02:00:00.000Z')
    const early = await submitTestClaim(app, member)
    const flagged = await submitTestClaim(app, member, { eventDate: '2021-06-01' })
    app.clock.set('2026-11-30T02:00:00.000Z')

    const all: { id: string; dueOn: string; overdue: boolean }[] = []
    let cursor: string | null = ''
    while (cursor !== null) {
      const res = await queue(`?limit=2${cursor ? `&cursor=${cursor}` : ''}`)
      expect(res.status).toBe(200)
      all.push(...res.body.claims)
      cursor = res.body.nextCursor
    }
    const sorted = [...all].sort((a, b) => (a.dueOn === b.dueOn ? (a.id < b.id ? -1 : 1) : a.dueOn < b.dueOn ? -1 : 1))
    expect(all.map((c) => c.id)).toEqual(sorted.map((c) => c.id))
    expect(new Set(all.map((c) => c.id)).size).toBe(all.length)
    expect(all.map((c) => c.id)).toEqual(expect.arrayContaining([early.id, flagged.id, later.id]))
    expect(all.find((c) => c.id === early.id)).toMatchObject({ overdue: true, dueOn: '2026-11-16', personName: '测试会员' })

    const overdue = (await queue('?overdue=true&limit=100')).body.claims.map((c: { id: string }) => c.id)
    expect(overdue).toEqual(expect.arrayContaining([early.id, flagged.id]))
    expect(overdue).not.toContain(later.id)
    const kinds = (await queue('?kind=accident_death')).body.claims.map((c: { id: string }) => c.id)
    expect(kinds).toEqual([later.id])
    const withFlags = (await queue('?flagged=true&limit=100')).body.claims
    expect(withFlags.map((c: { id: string }) => c.id)).toContain(flagged.id)
    expect(withFlags.every((c: { flags: unknown[] }) => c.flags.length > 0)).toBe(true)
    await decide(later.id, { decision: 'approve' })
    expect((await queue('?status=approved&limit=100')).body.claims.map((c: { id: string }) => c.id)).toContain(later.id)
    expect((await queue('?limit=100')).body.claims.map((c: { id: string }) => c.id)).not.toContain(later.id)
    expect((await queue('', roles.admin.token)).status).toBe(200)

    expect((await queue('?cursor=not-a-cursor')).body.error.code).toBe('cursor_invalid')
    expect((await queue('?status=paid')).status).toBe(400)
    expect((await queue('?limit=0')).status).toBe(400)
    for (const user of [member, roles.unit_admin]) expect((await queue('', user.token)).status).toBe(403)
    const staffView = await queue('?limit=100', roles.staff.token)
    expect(staffView.status).toBe(200)
    const staffClaims: { id: string; status: string }[] = staffView.body.claims
    expect(staffClaims.map((c) => c.id)).toContain(later.id)
    expect(staffClaims.map((c) => c.id)).not.toContain(early.id)
    expect(staffClaims.every((c) => c.status === 'approved')).toBe(true)
    for (const status of ['submitted', 'in_review', 'needs_material']) expect((await queue(`?status=${status}`, roles.staff.token)).status).toBe(403)
  })

  test('the default queue reads the partial index in due order (no sort step)', async () => {
    for (const status of [undefined, 'submitted', 'in_review', 'needs_material', 'approved'] as const) {
      const compiled = queueQuery(app.db, { status, today: '2026-11-30', limit: 21 }).compile()
      const plan = testDatabaseKind() === 'postgres'
        ? await app.db.transaction().execute(async (trx) => {
          // A test table is tiny, so PostgreSQL would rightly read it whole and sort; told those cost too much, a plan
          // without a sort exists only if an index serves the order.
          for (const off of ['enable_seqscan', 'enable_bitmapscan', 'enable_sort']) await sql`select set_config(${off}, 'off', true)`.execute(trx)
          return trx.executeQuery(CompiledQuery.raw(`explain (format json) ${compiled.sql}`, [...compiled.parameters]))
        })
        : await app.db.executeQuery(CompiledQuery.raw(`explain query plan ${compiled.sql}`, [...compiled.parameters]))
      const text = JSON.stringify(plan.rows)
      expect(text).toMatch(/claims_queue_(open|needs_material|approved)/)
      expect(text).not.toContain('TEMP B-TREE')
      expect(text).not.toMatch(/"Node Type":"(Sort|Incremental Sort)"/)
    }
  })
})

describe('GET /api/v1/review/sample', () => {
  test('every approved claim above the amount, plus a random share; bad query 400; members 403', async () => {
    const member = await claimant(app)
    const big = await submitTestClaim(app, member, { kind: 'accident_death', figures: {} })
    const approved = await decide(big.id, { decision: 'approve' })
    expect([approved.status, approved.body.decision?.approvedFen]).toEqual([200, 2_000_000])
    const res = await app.api.get('/api/v1/review/sample?sharePercent=1&aboveFen=1000000', { token: roles.reviewer.token })
    expect(res.status).toBe(200)
    expect(res.body.claims.map((c: { id: string }) => c.id)).toContain(big.id)
    const all = await app.api.get('/api/v1/review/sample?sharePercent=100', { token: roles.reviewer.token })
    expect(all.body.claims.every((c: { status: string }) => c.status === 'approved' || c.status === 'paid')).toBe(true)
    expect(all.body.claims.length).toBeGreaterThanOrEqual(3)
    expect((await app.api.get('/api/v1/review/sample?sharePercent=0', { token: roles.reviewer.token })).status).toBe(400)
    expect((await app.api.get('/api/v1/review/sample', { token: member.token })).status).toBe(403)
  })
})

describe('GET /api/v1/review/sample?farFromAverage=', () => {
  test('an approved claim far from the others of its kind in the window is sampled and says why; ordinary ones are not sampled for it', async () => {
    app.clock.set('2026-12-02T02:00:00.000Z') // a window of its own: claims submitted from 2026-12-02 (China)
    const member = await claimant(app)
    const approveClaim = async (pooledFen: number) => {
      const claim = await submitTestClaim(app, member, { figures: { pooledOutOfPocketFen: pooledFen } })
      const res = await decide(claim.id, { decision: 'approve' })
      expect(res.status).toBe(200)
      return res.body as { id: string; decision: { approvedFen: number } }
    }
    const ordinary = []
    for (const pooledFen of [500_000, 520_000, 480_000, 510_000, 490_000, 505_000]) ordinary.push(await approveClaim(pooledFen)) // 60 %: 2,880.00 .. 3,120.00
    const outlier = await approveClaim(8_000_000)
    expect(outlier.decision.approvedFen).toBe(4_800_000)
    const open = await submitTestClaim(app, member, { figures: { pooledOutOfPocketFen: 9_000_000 } }) // not decided: never sampled, not compared

    const sample = async (query: string) => {
      const res = await app.api.get(`/api/v1/review/sample?since=2026-12-02&sharePercent=1${query}`, { token: roles.reviewer.token })
      expect(res.status).toBe(200)
      return new Map<string, string>(res.body.claims.map((c: { id: string; flags: { code: string; message: string }[] }) => [c.id, c.flags.find((f) => f.code === 'sampled')!.message]))
    }
    const far = await sample('&farFromAverage=3')
    expect(far.get(outlier.id)).toBe('偏离同类平均：住院医疗其余 6 笔平均 3,005.00 元（标准差 85.73 元），本笔 48,000.00 元')
    expect(far.has(open.id)).toBe(false)
    // An ordinary claim shows only if the 1 % draw picked it, and says so.
    for (const claim of ordinary) expect(far.get(claim.id) ?? '随机抽取 1%').toBe('随机抽取 1%')

    const both = await sample('&farFromAverage=3&aboveFen=4000000')
    expect(both.get(outlier.id)).toMatch(/^金额 48,000.00 元，高于 40,000.00 元；偏离同类平均/)
    for (const bad of ['true', '0', '11']) {
      expect((await app.api.get(`/api/v1/review/sample?farFromAverage=${bad}`, { token: roles.reviewer.token })).status).toBe(400)
    }
  })
})
