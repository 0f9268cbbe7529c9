import { chinaDateOf } from '@huzhu/shared'
import { screenshotter } from './browser'
import { call, enrolledRider, login, phones, submittedClaim } from './steps/api'
import { idNumber, readSheet } from './steps/files'
import { download, fill, openAs, settle, visible } from './steps/screens'
import { staffWorld } from './steps/world'

/**
 * A claim from the queue to the bank, end to end: a rider enrolled weeks ago
 * (past the waiting period) claims a hospital stay; a reviewer opens it from
 * the queue, sees the photo and the engine's payout, approves with that amount;
 * staff find it in the list of approved claims, mark it paid with a transfer
 * reference and export the batch.
 */
const world = staffWorld()
const shot = screenshotter('staff/review-and-pay')

interface ClaimView {
  status: string
  decision: { approvedFen: number | null } | null
  payment: { reference: string } | null
}

describe('a claim reviewed and paid', () => {
  let claim = { id: '', estimate: { totalFen: 0 } }

  beforeAll(async () => {
    await world.setClock(-40)
    const rider = await enrolledRider(world.base, world.office.tokens.staff, { name: '王小明', idNumber: idNumber('1995-03-08', 13) })
    await world.setClock(0)
    const { token } = await login(world.base, phones.rider)
    claim = await submittedClaim(world.base, token, rider.enrolmentId, chinaDateOf(new Date()))
    expect(claim.estimate.totalFen).toBeGreaterThan(0)
  })

  test('a reviewer approves the claim from the queue with the engine’s payout', async () => {
    const page = await openAs(world.browser, world.base, world.office.tokens.reviewer)
    await page.goto('/staff/review/index')
    await visible(page, `#claim-row-${claim.id}`)
    await settle(page)
    await shot(page, 'review-queue')
    await page.click(`#claim-row-${claim.id}`)
    await visible(page, '#claim-photo-0 img')
    expect(Number(await page.locator('#claim-payout-total').getAttribute('data-amount-fen'))).toBe(claim.estimate.totalFen)
    expect(Number(await page.locator('#payout-line-0').getAttribute('data-amount-fen'))).toBeGreaterThan(0)
    await page.click('#claim-photo-0-rotate')
    await settle(page)
    await shot(page, 'claim-page')
    await page.click('#decision-submit')
    await page.waitForSelector('#claim-page[data-status="approved"]', { timeout: 20_000 })
    await settle(page)
    await shot(page, 'claim-approved')
    await page.context().close()

    const approved = await call<ClaimView>(world.base, 'GET', `/api/v1/claims/${claim.id}`, { token: world.office.tokens.reviewer })
    expect([approved.status, approved.decision?.approvedFen]).toEqual(['approved', claim.estimate.totalFen])
  })

  test('staff pay it from the list of approved claims and export the batch', async () => {
    const page = await openAs(world.browser, world.base, world.office.tokens.staff)
    await page.goto('/staff/index/index')
    await visible(page, '#staff-entry-payments')
    await page.click('#staff-entry-payments')
    await visible(page, `#pay-row-${claim.id}`)
    await fill(page, `pay-reference-${claim.id}`, 'LP20261125001')
    await settle(page)
    await shot(page, 'claim-payments')
    await page.click(`#pay-one-${claim.id}`)
    await visible(page, '#pay-batch')
    const batch = await readSheet(await download(page, '#pay-batch-export'))
    expect(batch.some((row) => row.includes('LP20261125001'))).toBe(true)
    // Paid claims leave the list.
    await page.waitForSelector(`#pay-row-${claim.id}`, { state: 'detached', timeout: 10_000 })
    await settle(page)
    await shot(page, 'claim-paid')
    await page.context().close()

    const paid = await call<ClaimView>(world.base, 'GET', `/api/v1/claims/${claim.id}`, { token: world.office.tokens.staff })
    expect([paid.status, paid.payment?.reference]).toEqual(['paid', 'LP20261125001'])
  })
})
