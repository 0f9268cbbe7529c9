import { writeFileSync } from 'node:fs'
import { join } from 'node:path'
import ExcelJS from 'exceljs'
import type { Page } from 'playwright-core'
import { addDays, bankTransferColumns, chinaDateOf, endpoints, medicalRecordColumns, pathOf } from '@huzhu/shared'
import { screenshotter } from './browser'
import { call, enrolledRider, login, phones, RIDER_CARD, submittedClaim } from './steps/api'
import { bankResultsXlsx, resultsFor } from './steps/bank'
import { idNumber, readSheet } from './steps/files'
import { download, openAs, settle, visible } from './steps/screens'
import { staffWorld } from './steps/world'

/**
 * A claim from the queue to the bank, end to end: a rider enrolled weeks ago
 * (past the waiting period) claims a hospital stay, and the office imports the
 * stay's medical-insurance record, whose pooled out-of-pocket differs from what
 * the rider typed; a reviewer tells the claim apart in the queue (short number,
 * event date, submission time), opens it, sets the rider's figures beside the
 * record's (the difference marked), zooms into the photo and scrolls to each
 * corner, and approves the engine's payout. Staff then pay it through the
 * bank, with a second approved claim of the same rider: they tick both in the
 * list of approved claims and make a payment batch, download the bank's batch
 * transfer file (the rider's card in full), and import the bank's results file,
 * where the second line failed and a line of someone else's transfer matches
 * nothing; the page shows both. On the rider's phone, the first claim is 已打款
 * and the second says "please correct your account"; the rider adds another card
 * and chooses it.
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
  const imported = await call(world.base, 'POST', pathOf(endpoints.medicalRecords.importMedicalRecords), {
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
  payment: { reference: string; paidOn: string | null } | null
  paymentFailure: { reason: string; accountChanged: boolean } | null
  payeeAccount: { numberMasked: string } | null
}

describe('a claim reviewed and paid', () => {
  let claim = { id: '', estimate: { totalFen: 0 } }
  let second = { id: '', estimate: { totalFen: 0 } }
  let riderToken = ''

  beforeAll(async () => {
    await world.setClock(-40)
    const rider = await enrolledRider(world.base, world.office.tokens.staff, { name: '王小明', idNumber: idNumber('1995-03-08', 13) })
    await world.setClock(0)
    const { token } = await login(world.base, phones.rider)
    riderToken = token
    claim = await submittedClaim(world.base, token, rider.enrolmentId, chinaDateOf(new Date()))
    expect(claim.estimate.totalFen).toBeGreaterThan(0)
    await importMismatchingRecord(addDays(chinaDateOf(new Date()), -3))
    // The rider's other claim, an earlier stay with its own invoice, approved at once.
    second = await submittedClaim(world.base, token, rider.enrolmentId, addDays(chinaDateOf(new Date()), -2), { invoiceNumber: '61002611250002', diagnosis: '右胫骨骨折术后康复' })
    const { reviewer } = world.office.tokens
    await call(world.base, 'POST', pathOf(endpoints.review.startClaimReview, { claimId: second.id }), { token: reviewer, body: {} })
    await call(world.base, 'POST', pathOf(endpoints.review.decideOnClaim, { claimId: second.id }), { token: reviewer, body: { decision: 'approve' } })
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

    const approved = await call<ClaimView>(world.base, 'GET', pathOf(endpoints.claims.getClaim, { claimId: claim.id }), { token: world.office.tokens.reviewer })
    expect([approved.status, approved.decision?.approvedFen]).toEqual(['approved', claim.estimate.totalFen])
  })

  test('staff pay it through the bank: a batch, the bank file, the bank’s results with a failed line and one that matches nothing', async () => {
    const page = await openAs(world.browser, world.base, world.office.tokens.staff)
    await page.goto('/staff/index/index')
    await visible(page, '#staff-entry-payments')
    await page.click('#staff-entry-payments')
    await visible(page, `#pay-row-${claim.id}`)
    await visible(page, `#pay-row-${second.id}`)
    await page.click(`#pay-select-${claim.id}`)
    await page.click(`#pay-select-${second.id}`)
    await settle(page)
    await shot(page, 'claim-payments-ticked')
    await page.click('#pay-make-batch')
    await visible(page, '#pay-batch-made')
    const batchId = (await page.locator('#pay-batch-made').getAttribute('data-batch-id'))!
    // Claims in a batch leave the list of those awaiting payment.
    await page.waitForSelector(`#pay-row-${claim.id}`, { state: 'detached', timeout: 10_000 })
    await visible(page, `#pay-batch-${batchId}-bank-file`)
    await shot(page, 'payment-batch')

    // The bank's batch transfer file: the rider's card in full, the amounts in yuan, the claim numbers as 附言.
    const bankRows = await readSheet(await download(page, `#pay-batch-${batchId}-bank-file`))
    expect(bankRows[0]).toEqual([...bankTransferColumns])
    const yuan = (fen: number) => `${Math.trunc(fen / 100)}.${String(fen % 100).padStart(2, '0')}`
    expect(bankRows.slice(1).sort((a, b) => a[4]!.localeCompare(b[4]!))).toEqual([
      ['王小明', RIDER_CARD, '中国工商银行西安雁塔支行', yuan(claim.estimate.totalFen), `互助理赔 ${claim.id}`],
      ['王小明', RIDER_CARD, '中国工商银行西安雁塔支行', yuan(second.estimate.totalFen), `互助理赔 ${second.id}`],
    ].sort((a, b) => a[4]!.localeCompare(b[4]!)))

    // The bank paid the first and could not pay the second; its file also holds someone else's transfer.
    const today = chinaDateOf(new Date())
    const lines = resultsFor(bankRows, today, { [second.id]: '户名与账号不符' })
    lines.push({ memo: '工资 2026年11月', account: '6217000123456789019', amount: '3500.00', result: '成功', date: today })
    const resultsFile = join(world.tmp, '交易结果.xlsx')
    writeFileSync(resultsFile, await bankResultsXlsx(lines))
    await page.locator(`#pay-batch-${batchId}-results-file`).setInputFiles(resultsFile)
    await visible(page, `#pay-batch-${batchId}-results`)
    expect(await page.locator(`#pay-batch-${batchId}-results-summary`).textContent()).toBe('已打款 1 笔，打款失败 1 笔，未匹配 1 行')
    const failedRow = 2 + lines.findIndex((l) => l.result === '失败')
    expect(await page.locator(`#pay-batch-${batchId}-results-failed-${failedRow}`).textContent()).toContain('户名与账号不符')
    expect(await page.locator(`#pay-batch-${batchId}-results-unmatched-4`).textContent()).toContain('附言中没有理赔编号')
    expect(await page.locator(`#pay-batch-${batchId}-counts`).textContent()).toBe('待银行结果 0 · 已打款 1 · 失败 1')
    await page.locator(`#pay-batch-${batchId}-results`).scrollIntoViewIfNeeded()
    await shot(page, 'bank-results')
    // The failed claim awaits payment again.
    await visible(page, `#pay-row-${second.id}`)
    await page.context().close()

    const paid = await call<ClaimView>(world.base, 'GET', pathOf(endpoints.claims.getClaim, { claimId: claim.id }), { token: world.office.tokens.staff })
    expect([paid.status, paid.payment?.paidOn, paid.payment?.reference]).toEqual(['paid', today, expect.stringMatching(/^HX\d{14}$/)])
    const failed = await call<ClaimView>(world.base, 'GET', pathOf(endpoints.claims.getClaim, { claimId: second.id }), { token: world.office.tokens.staff })
    expect([failed.status, failed.paymentFailure?.reason]).toEqual(['approved', '户名与账号不符'])
  })

  test('the rider sees 已打款 on one claim and “please correct your account” on the other, and chooses another card', async () => {
    const page = await openAs(world.browser, world.base, riderToken, 'phone')
    await page.goto(`/claims/detail/index?id=${claim.id}`)
    await visible(page, '#claim-payee-paid')
    expect(await page.locator('#claim-status').filter({ visible: true }).textContent()).toBe('已打款')
    await page.locator('#claim-payee').scrollIntoViewIfNeeded()
    await shot(page, 'rider-claim-paid')

    await page.goto(`/claims/detail/index?id=${second.id}`)
    await visible(page, '#claim-payment-failed')
    expect(await page.locator('#claim-payment-failed').filter({ visible: true }).textContent()).toContain('打款未成功，请更正收款账户')
    expect(await page.locator('#claim-payment-failed-reason').filter({ visible: true }).textContent()).toContain('户名与账号不符')
    await page.locator('#claim-payee').scrollIntoViewIfNeeded()
    await shot(page, 'rider-correct-your-account')

    // The only card is the one the bank refused: the rider adds another and pays the claim to it.
    await page.locator('#claim-payee-change').filter({ visible: true }).click()
    await visible(page, '#claim-payee-choose-new-form')
    await page.locator('#claim-payee-choose-new-bank input').filter({ visible: true }).fill('中国农业银行西安分行')
    await page.locator('#claim-payee-choose-new-number input').filter({ visible: true }).fill('6228480012345671')
    await page.locator('#claim-payee-choose-new-save').filter({ visible: true }).click()
    await visible(page, '#claim-payee-choose .payee-option.is-active')
    await shot(page, 'rider-new-card')
    await page.locator('#claim-payee-confirm').filter({ visible: true }).click()
    await visible(page, '#claim-payment-corrected')
    expect(await page.locator('#claim-payee-account').filter({ visible: true }).textContent()).toContain('6228 **** **** 5671')
    await page.waitForTimeout(1600) // the toast goes
    await page.locator('#claim-payee').filter({ visible: true }).scrollIntoViewIfNeeded()
    await shot(page, 'rider-account-corrected')
    await page.context().close()

    const corrected = await call<ClaimView>(world.base, 'GET', pathOf(endpoints.claims.getClaim, { claimId: second.id }), { token: riderToken })
    expect([corrected.status, corrected.payeeAccount?.numberMasked, corrected.paymentFailure?.accountChanged]).toEqual(['approved', '6228 **** **** 5671', true])
  })
})
