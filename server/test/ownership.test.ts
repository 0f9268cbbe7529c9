import type { Role } from '@huzhu/shared'
import { apiRoutes } from '../src/routes'
import {
  claimant, createUnit, freshIdNumber, loginAs, rosterRow, rosterXlsx, setUnitSelection, startAppWithEveryRole, submitTestClaim, uploadPhoto, XLSX,
  type Claimant, type EveryRole, type TestApp, type TestUser,
} from './helpers'

/**
 * Every endpoint that takes an id, called by someone it does not belong to:
 * another member on a member's enrolment, card, claim, photo and consent; a unit
 * admin on another unit and its rosters. Each is refused (403 or 404, never a
 * 2xx), and the owner's records are unchanged afterwards. The routes come from
 * the registry, so a new one is checked the day it is added.
 */
let app: TestApp
let users: EveryRole
let owner: Claimant
let ids: Record<string, string>
beforeAll(async () => {
  ;({ app, users } = await startAppWithEveryRole())
  owner = await claimant(app)
  const claim = await submitTestClaim(app, owner)
  const consent = (await app.api.get('/api/v1/me/consents', { token: owner.token })).body.consents[0]
  const otherUnit = await createUnit(app, '另一个单位')
  await setUnitSelection(app, otherUnit, 'shaanxi-gig-2023', ['ZY'])
  const upload = await app.api.request('POST', `/api/v1/units/${otherUnit}/rosters?catalogueId=shaanxi-gig-2023`, undefined, {
    token: users.staff.token, headers: { 'content-type': XLSX }, rawBody: await rosterXlsx([rosterRow(1)]),
  })
  expect(upload.status).toBe(201)
  ids = {
    enrolmentId: owner.enrolmentId, claimId: claim.id, uploadId: claim.documents[0]!.uploadId, consentId: consent.id,
    unitId: otherUnit, rosterId: upload.body.id, payeeAccountId: owner.payeeAccountId,
  }
})
afterAll(() => app.close())

/** A valid body where the route wants one, so the refusal is about whose record it is, not the input. */
const validBodies: Record<string, () => unknown> = {
  changeClaimPayeeAccount: () => ({ payeeAccountId: owner.payeeAccountId }),
  createEnrolmentPaymentOrder: () => ({ channel: 'native' }),
  createUnitPaymentOrder: () => ({ catalogueId: 'shaanxi-gig-2023', channel: 'native' }),
  createNewHire: () => ({
    name: '新职工', idNumber: freshIdNumber(), mobile: '13700000001', occupation: 'courier', platform: '站点', basicMedicalInsurance: true, unionMember: true,
  }),
}

const queries: Record<string, string> = {
  uploadRoster: '?catalogueId=shaanxi-gig-2023', exportRoster: '?catalogueId=shaanxi-gig-2023', getRenewalRoster: '?catalogueId=shaanxi-gig-2023',
}

const allowedTo = (role: Role) => apiRoutes.filter((r) => r.access !== 'public' && (r.access === 'signed_in' || r.access.roles.includes(role)))
const idsIn = (path: string) => [...path.matchAll(/:(\w+)/g)].map((m) => m[1]!)

async function tryAll(caller: TestUser, role: Role, params: readonly string[]) {
  const routes = allowedTo(role).filter((r) => idsIn(r.path).length > 0 && idsIn(r.path).every((p) => params.includes(p)))
  expect(routes.length).toBeGreaterThan(0)
  for (const route of routes) {
    const path = route.path.replace(/:(\w+)/g, (_, name: string) => ids[name]!) + (queries[route.operationId] ?? '')
    const body = route.method === 'get' || route.method === 'delete' ? undefined : (validBodies[route.operationId]?.() ?? {})
    const res = await app.api.request(route.method.toUpperCase(), path, body, {
      token: caller.token, headers: { 'Idempotency-Key': 'ownership-test-0001' },
    })
    const seen = `${route.method.toUpperCase()} ${route.path} → ${res.status}`
    expect([seen, [403, 404].includes(res.status)]).toEqual([seen, true])
  }
  return routes.map((r) => `${r.method.toUpperCase()} ${r.path}`)
}

test('another member reaches none of a member’s records, and changes nothing', async () => {
  const other = await loginAs(app)
  const tried = await tryAll(other, 'member', ['enrolmentId', 'claimId', 'uploadId', 'consentId', 'payeeAccountId'])
  expect(tried).toEqual(expect.arrayContaining([
    'GET /api/v1/enrolments/:enrolmentId', 'GET /api/v1/enrolments/:enrolmentId/certificate', 'GET /api/v1/claims/:claimId',
    'POST /api/v1/claims/:claimId/withdraw', 'POST /api/v1/claims/:claimId/material', 'GET /api/v1/uploads/:uploadId/content',
    'DELETE /api/v1/me/consents/:consentId', 'PUT /api/v1/claims/:claimId/payee-account',
    'PUT /api/v1/me/payee-accounts/:payeeAccountId/default', 'DELETE /api/v1/me/payee-accounts/:payeeAccountId',
  ]))
  // Naming someone else's enrolment or photo in a claim of one's own is refused too.
  const intruder = await claimant(app)
  const ownPhoto = await uploadPhoto(app, intruder)
  const onTheirs = { enrolmentId: owner.enrolmentId, kind: 'inpatient', eventDate: '2020-06-01', diagnosis: '骨折', figures: {}, documents: [{ uploadId: ownPhoto, kind: 'invoice' }], payeeAccountId: intruder.payeeAccountId }
  const withTheirPhoto = { ...onTheirs, enrolmentId: intruder.enrolmentId, documents: [{ uploadId: ids.uploadId, kind: 'invoice' }] }
  for (const body of [onTheirs, withTheirPhoto]) {
    const res = await app.api.post('/api/v1/claims', body, { token: intruder.token, headers: { 'Idempotency-Key': `own-${body.enrolmentId}` } })
    expect([403, 404, 409, 422]).toContain(res.status)
  }
  // The owner's records are as they were.
  const claim = await app.api.get(`/api/v1/claims/${ids.claimId}`, { token: owner.token })
  expect(claim.body).toMatchObject({ status: 'submitted', documents: [{ uploadId: ids.uploadId }], payeeAccount: { id: owner.payeeAccountId } })
  const accounts = (await app.api.get('/api/v1/me/payee-accounts', { token: owner.token })).body.accounts
  expect(accounts).toEqual([expect.objectContaining({ id: owner.payeeAccountId, isDefault: true })])
  const consents = (await app.api.get('/api/v1/me/consents', { token: owner.token })).body.consents
  expect(consents.find((c: { id: string }) => c.id === ids.consentId)).toMatchObject({ withdrawnAt: null })
  expect((await app.api.get(`/api/v1/enrolments/${ids.enrolmentId}/certificate`, { token: owner.token })).status).toBe(200)
})

test('a unit admin reaches none of another unit’s records, and changes nothing', async () => {
  const tried = await tryAll(users.unit_admin, 'unit_admin', ['unitId', 'rosterId'])
  expect(tried).toEqual(expect.arrayContaining([
    'GET /api/v1/units/:unitId', 'POST /api/v1/units/:unitId/new-hires', 'GET /api/v1/units/:unitId/roster.xlsx', 'POST /api/v1/units/:unitId/rosters',
    'GET /api/v1/units/:unitId/rosters/:rosterId', 'GET /api/v1/units/:unitId/rosters/:rosterId/errors.xlsx', 'POST /api/v1/units/:unitId/rosters/:rosterId/import',
  ]))
  expect((await app.api.get(`/api/v1/enrolments?unitId=${ids.unitId}`, { token: users.unit_admin.token })).status).toBe(403)
  const roster = await app.api.get(`/api/v1/units/${ids.unitId}/rosters/${ids.rosterId}`, { token: users.staff.token })
  expect(roster.body).toMatchObject({ status: 'checked', importedCount: null })
  // Nor a rider's enrolment that is not through their unit, nor its card.
  for (const path of [`/api/v1/enrolments/${ids.enrolmentId}`, `/api/v1/enrolments/${ids.enrolmentId}/certificate`]) {
    expect([403, 404]).toContain((await app.api.get(path, { token: users.unit_admin.token })).status)
  }
})
