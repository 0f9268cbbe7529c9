import ExcelJS from 'exceljs'
import type { Page } from 'playwright-core'
import { addDays, chinaDateOf, medicalRecordColumns } from '@huzhu/shared'
import { screenshotter } from './browser'
import { call, enrolledRider, login, phones, submittedClaim } from './steps/api'
import { idNumber, readSheet } from './steps/files'
import { download, fill, openAs, settle, visible } from './steps/screens'
import { staffWorld } from './steps/world'

/**
 * A claim from the queue to the bank, end to end: a rider enrolled weeks ago
 * (past the waiting period) claims a hospital stay, and the office imports the
 * stay's medical-insurance record, whose pooled out-of-pocket differs from what
 * the rider typed; a reviewer tells the claim apart in the queue (short number,
 * event date, submission time), opens it, sets the rider's figures beside the
 * record's (the difference marked), zooms into the photo and scrolls to each
 * corner, and approves the engine's payout; staff find it in the list of
 * approved claims, mark it paid with a transfer reference and export the batch.
 */
const world = staffWorld()
const shot = screenshotter('staff/review-and-pay')
const riderIdNumber = idNumber('1995-03-08', 13)

/**
 * The office's import of the stay's medical-insurance record: 7,500.00 pooled where the rider typed 8,000.00,
 * and discharged today, three days after the admission, where the rider claimed six days in hospital.
 */
async function importMismatchingRecord(eventDate: string): Promise<void> {
  const book = new ExcelJS.Workbook()
  const sheet = book.addWorksheet('医保结算')
  sheet.getColumn(1).numFmt = '@'
  sheet.addRow([...medicalRecordColumns])
  sheet.addRow([riderIdNumber, '西安市红会医院', eventDate, addDays(eventDate, 3), '15000.00', '7500.00', '2000.00', '0'])
  const imported = await call(world.base, 'POST', '/api/v1/medical-records', {
    token: world.office.tokens.staff, raw: Buffer.from(await book.xlsx.writeBuffer()), type: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  })
  expect(imported).toMatchObject({ importedCount: 1, errors: [] })
}

/**
 * Where the zoomed photo lies in its frame with the frame scrolled to its start
 * and to its end: how far its top-left corner is cut off (negative: out of reach)
 * at the start, and its bottom-right at the end (positive: out of reach).
 */
async function photoReach(page: Page) {
  return page.locator('#claim-photo-0-frame').evaluate(async (frame) => {
    const image = frame.querySelector('img')!
    const view = frame.getBoundingClientRect()
    const inner = { left: view.left + frame.clientLeft, top: view.top + frame.clientTop }
    const settle = () => new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve)))
    frame.scrollTo(0, 0)
    await settle()
    const start = image.getBoundingClientRect()
    frame.scrollTo(frame.scrollWidth, frame.scrollHeight)
    await settle()
    const end = image.getBoundingClientRect()
    return {
      scrollable: frame.scrollWidth > frame.clientWidth && frame.scrollHeight > frame.clientHeight,
      // `+ 0`: no minus zero.
      topLeftCut: Math.round(Math.min(start.left - inner.left, start.top - inner.top)) + 0,
      bottomRightCut: Math.round(Math.max(end.right - (inner.left + frame.clientWidth), end.bottom - (inner.top + frame.clientHeight))) + 0,
    }
  })
}

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
    await importMismatchingRecord(addDays(chinaDateOf(new Date()), -3))
  })

  test('on a phone, the queue row says which claim it is: short number, event date, submission time', async () => {
    const page = await openAs(world.browser, world.base, world.office.tokens.reviewer, 'phone')
    await page.goto('/staff/review/index')
    await visible(page, `#claim-row-${claim.id}`)
    const row = (await page.locator(`#claim-row-${claim.id}`).textContent()) ?? ''
    expect(row).toContain(`编号 ${claim.id.slice(-8).toUpperCase()}`)
    expect(row).toMatch(/事故日期 \d{4}年\d{1,2}月\d{1,2}日/)
    expect(row).toMatch(/提交于 \d{4}-\d{2}-\d{2} \d{2}:\d{2}/)
    await settle(page)
    await shot(page, 'review-queue-phone')
    await page.click(`#claim-row-${claim.id}`)
    await visible(page, '#claim-figures')
    await page.locator('#claim-figures').scrollIntoViewIfNeeded()
    await shot(page, 'claim-figures-phone')
    await page.context().close()
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

    // The rider's own figures beside the medical-insurance record's, the one that differs marked.
    await visible(page, '#claim-figures[data-record="mismatch"]')
    expect(await page.locator('#claim-figures .figures-table__row--head').textContent()).toBe('项目会员填写医保结算记录')
    expect(await page.locator('#figure-pooledOutOfPocketFen').getAttribute('data-differs')).toBe('true')
    expect(await page.locator('#figure-pooledOutOfPocketFen').textContent()).toBe('统筹段自付不一致¥8,000.00¥7,500.00')
    expect(await page.locator('#figure-hospitalDays').textContent()).toBe('住院天数不一致6 天3 天')
    expect(await page.locator('#figure-totalCostFen').getAttribute('data-differs')).toBe('false')
    expect(await page.locator('#claim-figures-verdict').textContent()).toBe('2 项与医保结算记录不一致')

    // Zoomed in, the photo scrolls to every edge: its top-left and bottom-right corners can both be brought into view.
    await page.click('#claim-photo-0-zoom-in')
    await page.click('#claim-photo-0-zoom-in')
    expect(await photoReach(page)).toEqual({ scrollable: true, topLeftCut: 0, bottomRightCut: 0 })
    await page.click('#claim-photo-0-rotate')
    await page.waitForTimeout(300)
    expect(await photoReach(page)).toEqual({ scrollable: true, topLeftCut: 0, bottomRightCut: 0 })
    await page.locator('#claim-photo-0-frame').evaluate((frame) => frame.scrollTo(0, 0))
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
