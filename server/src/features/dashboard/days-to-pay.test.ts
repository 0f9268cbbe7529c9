import {
  accountNumber, approvedClaim, importResults, makeBatch, resultsXlsx, startAppWithEveryRole, type EveryRole, type TestApp,
} from '../../../test/helpers'

/**
 * Days to pay are counted when the bank's result is recorded: working days
 * from the China date of the last material to the bank's date, on the holiday
 * calendar the office keeps (holidays and make-up working days), and the
 * dashboard reads them.
 */
let app: TestApp
let roles: EveryRole
beforeAll(async () => ({ app, users: roles } = await startAppWithEveryRole()), 60_000)
afterAll(() => app.close())

/** Working days after `from` up to `to`, counted here from the calendar's rows. */
async function countWorkingDays(from: string, to: string): Promise<number> {
  const rows = await app.db.selectFrom('holiday_calendar_days').select(['date', 'kind']).execute()
  const kind = new Map(rows.map((r) => [r.date, r.kind]))
  let n = 0
  for (let t = Date.parse(`${from}T00:00:00Z`) + 86_400_000; t <= Date.parse(`${to}T00:00:00Z`); t += 86_400_000) {
    const day = new Date(t).toISOString().slice(0, 10)
    const weekday = new Date(t).getUTCDay()
    if (kind.get(day) === 'workday' || (kind.get(day) !== 'holiday' && weekday >= 1 && weekday <= 5)) n++
  }
  return n
}

test('a claim paid over the National Day holiday counts its working days on the calendar; the dashboard reports them', async () => {
  const claim = await approvedClaim(app, roles.reviewer)
  // Last material on Monday 28 September 2026, 09:30 in China (01:30 UTC).
  await app.db.updateTable('claims').set({ last_material_at: '2026-09-28T01:30:00.000Z' }).where('id', '=', claim.id).execute()
  const batch = (await makeBatch(app, roles.staff, [claim.id])).body
  const number = await accountNumber(app, claim.member.payeeAccountId)
  const amount = (await app.db.selectFrom('claims').select('approved_fen').where('id', '=', claim.id).executeTakeFirstOrThrow()).approved_fen!
  const file = await resultsXlsx([[`互助理赔 ${claim.id}`, number, (amount / 100).toFixed(2), '成功', '', '2026-10-12', 'HX1']])
  expect((await importResults(app, roles.staff, batch.id, file)).status).toBe(200)

  const expected = await countWorkingDays('2026-09-28', '2026-10-12')
  // 2026-10-01..07 are holidays on the shipped calendar: fewer working days than weekdays (10).
  expect(expected).toBeLessThan(10)
  const row = await app.db.selectFrom('claims').select(['paid_on', 'paid_working_days']).where('id', '=', claim.id).executeTakeFirstOrThrow()
  expect(row).toEqual({ paid_on: '2026-10-12', paid_working_days: expected })

  const dashboard = await app.api.get('/api/v1/dashboard', { token: roles.staff.token })
  expect(dashboard.body.daysToPay).toMatchObject({ paidClaims: 1, paidWithinTarget: 1, medianWorkingDays: expected, p90WorkingDays: expected, histogram: [{ workingDays: expected, claims: 1 }] })
})
