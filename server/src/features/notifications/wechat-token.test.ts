import { Writable } from 'node:stream'
import {
  createTestEnrolment, fillProfile, setChinaDate, startAppWithWechat, startTestApp, type FakeWechat, type TestApp,
} from '../../../test/helpers'
import { createLogger } from '../../logger'
import { runCoverEndingReminders } from './cover-ending.service'

const quiet = createLogger('silent', new Writable({ write(_c, _e, done) { done() } }))

let a: TestApp
let b: TestApp
let wechat: FakeWechat
let close: () => Promise<void>
beforeAll(async () => {
  ;({ app: a, wechat, close } = await startAppWithWechat())
  // A second node: the same database, keys and WeChat settings; its own process state, worker and server.
  b = await startTestApp({ sameDatabaseAs: a })
  setChinaDate(a, '2026-11-24')
  setChinaDate(b, '2026-11-24')
})
afterAll(async () => {
  await b.close()
  await close()
})

/** A member signed in with WeChat (`ok-<name>`) through `node`, whose cover ends soon, reminded by `node`'s job and worker. */
async function remindThrough(node: TestApp, name: string): Promise<void> {
  const session = await node.api.post('/api/v1/auth/wechat-sessions', { code: `ok-${name}` })
  expect(session.status).toBe(200)
  const user = { id: session.body.user.id as string, token: session.body.token as string, phone: '13700000000', roles: ['member' as const] }
  await fillProfile(node, user, {})
  const { enrolmentId } = await createTestEnrolment(node, user)
  await node.db.updateTable('enrolments').set({ end_on: '2026-12-05' }).where('id', '=', enrolmentId).execute()
  await runCoverEndingReminders({ db: node.db, config: node.config, logger: quiet, clock: node.clock, outbox: node.outbox })
  await node.outbox.drain()
  expect(wechat.subscribeMessages.at(-1)?.touser).toBe(`openid-${name}`)
}

describe('the WeChat access token, one for every node', () => {
  test('two nodes on one database ask WeChat once (stable_token) and share the token, kept sealed in the database', async () => {
    await remindThrough(a, 'carol')
    await remindThrough(b, 'dave')
    expect(wechat.tokenRequests).toBe(1)
    expect(wechat.tokensIssued).toBe(1)
    const rows = await a.db.selectFrom('wechat_access_tokens').selectAll().execute()
    expect(rows).toEqual([expect.objectContaining({ app_id: wechat.appId, token: expect.stringMatching(/^v1\./) })])
    expect(rows[0]!.token).not.toContain('stable-token')
  })

  test('a token WeChat refuses (40001) is renewed once by the node that saw it; the other node then uses the new one', async () => {
    wechat.expireToken()
    await remindThrough(b, 'erin')
    expect([wechat.tokenRequests, wechat.tokensIssued]).toEqual([2, 2])
    await remindThrough(a, 'frank')
    expect([wechat.tokenRequests, wechat.tokensIssued]).toEqual([2, 2])
  })
})
