import { claimant, startAppWithEveryRole, submitTestClaim, uploadPhoto, type EveryRole, type TestApp } from '../../../test/helpers'

let app: TestApp
let roles: EveryRole
beforeAll(async () => ({ app, users: roles } = await startAppWithEveryRole()))
afterAll(() => app.close())

const decide = (claimId: string, body: unknown) => app.api.post(`/api/v1/claims/${claimId}/decisions`, body, { token: roles.reviewer.token })

describe('due date: 10 working days after the last material, on the shipped calendar', () => {
  test('across National Day 2026 (1–7 October off, Saturday 10 October worked) and weekends; recomputed when material arrives', async () => {
    const member = await claimant(app)
    // 2026-09-27T17:00Z is Monday 28 September, 01:00 in China (the UTC date, Sunday 27, is a Mid-Autumn holiday).
    app.clock.set('2026-09-27T17:00:00.000Z')
    const claim = await submitTestClaim(app, member)
    // 29, 30 Sep; (1–7 Oct off) 8, 9, Sat 10 (调休), (Sun 11 off) 12, 13, 14, 15, 16.
    expect(claim.dueOn).toBe('2026-10-16')
    const message = await app.db.selectFrom('notifications').select('body').where('subject_id', '=', claim.id).executeTakeFirstOrThrow()
    expect(message.body).toContain('2026-10-16')

    expect((await decide(claim.id, { decision: 'request_material', missing: ['discharge_summary'], note: '请补充出院小结' })).status).toBe(200)
    // Material on Friday 9 October (China): Sat 10 (调休), 12–16, 19–22.
    app.clock.set('2026-10-09T03:00:00.000Z')
    const sent = await app.api.post(`/api/v1/claims/${claim.id}/material`, { documents: [{ uploadId: await uploadPhoto(app, member), kind: 'discharge_summary' }] }, { token: member.token })
    expect(sent.status).toBe(200)
    expect(sent.body).toMatchObject({ status: 'submitted', dueOn: '2026-10-22', lastMaterialAt: expect.stringMatching(/^2026-10-09T03:00:00/) })
    // The reviewer queue orders and marks overdue by it.
    app.clock.set('2026-10-23T02:00:00.000Z')
    const queue = await app.api.get('/api/v1/review/claims?limit=100', { token: roles.reviewer.token })
    expect(queue.body.claims.find((c: { id: string }) => c.id === claim.id)).toMatchObject({ dueOn: '2026-10-22', overdue: true })
  })
})

describe('POST /api/v1/claims/:claimId/withdraw without a body', () => {
  test('no body at all, or an empty JSON body, withdraws (no note); a malformed body is still a 400', async () => {
    app.clock.set('2026-11-24T02:00:00.000Z')
    const member = await claimant(app)
    const first = await submitTestClaim(app, member)
    const bare = await app.api.post(`/api/v1/claims/${first.id}/withdraw`, undefined, { token: member.token })
    expect([bare.status, bare.body.status]).toEqual([200, 'withdrawn'])
    expect(bare.body.history.at(-1)).toMatchObject({ status: 'withdrawn', actorRole: 'member', note: null })

    const second = await submitTestClaim(app, member)
    const empty = await app.api.post(`/api/v1/claims/${second.id}/withdraw`, undefined, { token: member.token, rawBody: '', headers: { 'content-type': 'application/json' } })
    expect([empty.status, empty.body.status]).toEqual([200, 'withdrawn'])

    const third = await submitTestClaim(app, member)
    const broken = await app.api.post(`/api/v1/claims/${third.id}/withdraw`, undefined, { token: member.token, rawBody: '{"note":', headers: { 'content-type': 'application/json' } })
    expect([broken.status, broken.body.error.code]).toEqual([400, 'body_invalid_json'])
    // Another member's claim stays 404 without a body too.
    expect((await app.api.post(`/api/v1/claims/${third.id}/withdraw`, undefined, { token: roles.member.token })).status).toBe(404)
    expect((await app.db.selectFrom('claims').select('status').where('id', '=', third.id).executeTakeFirstOrThrow()).status).toBe('submitted')
  })
})
