import { writeFileSync } from 'node:fs'
import { join } from 'node:path'
import ExcelJS from 'exceljs'
import type { Page } from 'playwright-core'
import { chinaDateOf, rosterHeaders, ROSTER_ERROR_HEADER } from '@huzhu/shared'
import { screenshotter } from './browser'
import { CATALOGUE } from './steps/api'
import { idNumber, readSheet, rosterXlsx, type RosterRow } from './steps/files'
import { download, openAs, settle, visible } from './steps/screens'
import { staffWorld } from './steps/world'

/**
 * A unit's roster, end to end: the unit admin downloads the blank template,
 * uploads a roster with three bad rows, sees exactly those three, downloads the
 * file back with an error column, imports the fixed file, downloads the unit's
 * roster with everyone in it. The unit pays it by bank transfer with the
 * roster's payment code in the memo; the office imports its bank statement and
 * every row of the roster becomes active.
 */
const world = staffWorld()
const shot = screenshotter('staff/roster')

const good: RosterRow[] = [
  { name: '李一', sex: '男', id: idNumber('1990-01-01', 11), mobile: '13912340001', insurance: '是', products: 'ZY' },
  { name: '李二', sex: '女', id: idNumber('1991-02-02', 22), mobile: '13912340002', insurance: '是', products: 'ZY' },
  { name: '李三', sex: '男', id: idNumber('1992-03-03', 33), mobile: '13912340003', insurance: '是', products: 'ZY' },
]
const bad: RosterRow[] = [
  { name: '赵四', sex: '女', id: idNumber('1993-04-04', 41), mobile: '13912340004', insurance: '是', products: 'ZY' }, // sex against the ID
  { name: '钱五', sex: '男', id: idNumber('1994-05-05', 51), mobile: '13912340005', insurance: '不清楚', products: 'ZY' }, // 是/否
  { name: '孙六', sex: '女', id: idNumber('1995-06-06', 62), mobile: '13912340006', insurance: '是', products: 'XX' }, // no such product
]
const fixedRows = [{ ...bad[0]!, sex: '男' }, { ...bad[1]!, insurance: '是' }, { ...bad[2]!, products: 'ZY' }]
const interleave = (bads: RosterRow[]) => good.flatMap((row, i) => [row, bads[i]!])

/**
 * The unit's member list as drawn: for every member, the pieces that overlap or
 * touch another piece (less than 4 px apart), the values broken over lines or cut at their box (the masked ID
 * number and the premium must each stay whole on one line), and whether the
 * member's cells share one row (a desk screen's table).
 */
async function memberLayout(page: Page) {
  return page.locator('.unit-member').evaluateAll((members) => members.map((member) => {
    const pieces = Array.from(member.querySelectorAll<HTMLElement>('.unit-member__name, .unit-member__status, .unit-member__value'))
      .map((el) => ({ el, box: el.getBoundingClientRect() }))
      .filter(({ box }) => box.width > 0 && box.height > 0)
    const overlaps: string[] = []
    pieces.forEach((a, i) => pieces.slice(i + 1).forEach((b) => {
      const w = Math.min(a.box.right, b.box.right) - Math.max(a.box.left, b.box.left)
      const h = Math.min(a.box.bottom, b.box.bottom) - Math.max(a.box.top, b.box.top)
      if (w > -4 && h > 1) overlaps.push(`${a.el.textContent} × ${b.el.textContent}`)
    }))
    const broken = Array.from(member.querySelectorAll<HTMLElement>('.unit-member__id .unit-member__value, .unit-member__premium .unit-member__value'))
      .filter((el) => el.getBoundingClientRect().height > parseFloat(getComputedStyle(el).fontSize) * 2 || el.scrollWidth > el.clientWidth + 1)
      .map((el) => el.textContent)
    const card = member.getBoundingClientRect()
    const outside = pieces.filter(({ box }) => box.right > card.right + 1 || box.left < card.left - 1).map(({ el }) => el.textContent)
    const oneRow = new Set(pieces.map(({ box }) => Math.round(box.top / 8))).size <= 2 && card.height < 60
    return { overlaps, broken, outside, oneRow }
  }))
}

test('a unit admin uploads a roster with three bad rows, sees exactly those, downloads the error file, imports the fixed file', async () => {
  const page = await openAs(world.browser, world.base, world.office.tokens.unitAdmin)
  // A unit admin of one unit lands on that unit.
  await page.goto('/staff/unit/index')
  await visible(page, '#roster-panel')
  await page.click(`#roster-catalogue-${CATALOGUE}`)
  const template = await readSheet(await download(page, '#roster-template'))
  expect(template[0]).toEqual([...rosterHeaders])

  const withErrors = join(world.tmp, '参保名单.xlsx')
  writeFileSync(withErrors, await rosterXlsx(interleave(bad)))
  await page.setInputFiles('#roster-file', withErrors)
  await visible(page, '#roster-errors')
  const shown = await page.locator('.roster-error').evaluateAll((rows) => rows.map((r) => [Number((r as HTMLElement).dataset.row), (r as HTMLElement).dataset.column]))
  expect(shown).toEqual([
    [3, '性别'],
    [5, '是否参加基本医保'],
    [7, '参保项目'],
  ])
  await settle(page)
  await shot(page, 'roster-errors')

  const errorFile = await readSheet(await download(page, '#roster-error-file'))
  expect(errorFile[0]).toEqual([...rosterHeaders, ROSTER_ERROR_HEADER])
  const explained = errorFile.slice(1).map((row) => row[rosterHeaders.length] ?? '')
  expect(explained.map((text) => text !== '')).toEqual([false, true, false, true, false, true])

  const fixed = join(world.tmp, '参保名单-已修改.xlsx')
  writeFileSync(fixed, await rosterXlsx(interleave(fixedRows)))
  await page.setInputFiles('#roster-file', fixed)
  await page.waitForSelector('#roster-result[data-error-count="0"]', { timeout: 20_000 })
  await page.click('#roster-import')
  await page.waitForSelector('#roster-imported[data-imported="6"]', { timeout: 20_000 })
  await page.waitForSelector('#unit-enrolled', { timeout: 20_000 })
  await page.waitForSelector('.unit-member >> nth=5', { timeout: 20_000 })
  await settle(page)
  await shot(page, 'roster-imported')
  // At a desk: one table row per member, nothing drawn over anything.
  expect(await memberLayout(page)).toEqual(Array(6).fill({ overlaps: [], broken: [], outside: [], oneRow: true }))

  const current = await readSheet(await download(page, '#unit-export'))
  expect(current.slice(1).map((row) => row[1])).toEqual(expect.arrayContaining([...good, ...fixedRows].map((r) => r.name)))
  expect(current.length).toBe(1 + 6)
  await page.context().close()
})

test('the unit’s member list is readable on a phone, at 375 and at 320 pixels wide', async () => {
  const page = await openAs(world.browser, world.base, world.office.tokens.unitAdmin, 'phone')
  await page.goto('/staff/unit/index')
  await page.waitForSelector('.unit-member >> nth=5', { timeout: 20_000 })
  for (const width of [375, 320]) {
    await page.setViewportSize({ width, height: 812 })
    const layout = await memberLayout(page)
    expect([width, layout]).toEqual([width, Array(6).fill({ overlaps: [], broken: [], outside: [], oneRow: false })])
    await page.locator('#unit-enrolments').scrollIntoViewIfNeeded()
    await shot(page, `unit-members-${width}`)
  }
  await page.context().close()
})

/** The office's bank statement as its online bank exports it: a title row, then 交易日期, 对方户名, 收入金额, 支出金额, 摘要. */
async function bankStatementXlsx(lines: (string | null)[][]): Promise<Buffer> {
  const book = new ExcelJS.Workbook()
  const sheet = book.addWorksheet('账户明细')
  sheet.addRow(['账户明细查询  账号：6100 **** **** 0418  币种：人民币'])
  sheet.addRow(['交易日期', '对方户名', '收入金额', '支出金额', '摘要'])
  for (const line of lines) sheet.addRow(line)
  return Buffer.from(await book.xlsx.writeBuffer())
}

/** The lines of a statement as drawn: for each, the pieces that overlap or stick out of its box, and whether the date or amount broke. */
async function lineLayout(page: Page, list: string) {
  return page.locator(`#${list} .bank-line`).evaluateAll((lines) => lines.map((line) => {
    const pieces = Array.from(line.querySelectorAll<HTMLElement>('.bank-line__row, .bank-line__date, .bank-line__payer, .bank-line__amount, .bank-line__reference, .bank-line__outcome'))
      .map((el) => ({ el, box: el.getBoundingClientRect() }))
      .filter(({ box }) => box.width > 0 && box.height > 0)
    const overlaps: string[] = []
    pieces.forEach((a, i) => pieces.slice(i + 1).forEach((b) => {
      const w = Math.min(a.box.right, b.box.right) - Math.max(a.box.left, b.box.left)
      const h = Math.min(a.box.bottom, b.box.bottom) - Math.max(a.box.top, b.box.top)
      if (w > 1 && h > 1) overlaps.push(`${a.el.className} × ${b.el.className}`)
    }))
    const card = line.getBoundingClientRect()
    const outside = pieces.filter(({ box }) => box.right > card.right + 1 || box.left < card.left - 1).map(({ el }) => el.className)
    const broken = Array.from(line.querySelectorAll<HTMLElement>('.bank-line__date, .bank-line__amount'))
      .filter((el) => el.textContent !== '' && el.getBoundingClientRect().height > parseFloat(getComputedStyle(el).fontSize) * 2)
      .map((el) => el.textContent)
    return { row: Number((line as HTMLElement).dataset.row), overlaps, outside, broken }
  }))
}

test('the unit pays its roster by transfer with the payment code; the office imports its bank statement and every row becomes active', async () => {
  // The unit admin sees what to pay and the code to write in the memo.
  const unit = await openAs(world.browser, world.base, world.office.tokens.unitAdmin)
  await unit.goto('/staff/unit/index')
  await visible(unit, '.unit-payment-code')
  const code = (await unit.locator('.unit-payment-code').first().getAttribute('data-code'))!
  expect(code).toMatch(/^HZ[2-9A-HJKMNP-Z]{8}$/)
  expect(await unit.locator('.unit-payment-code').first().getAttribute('data-amount')).toBe('60000')
  expect(await unit.locator('.unit-member[data-status="pending_payment"]').count()).toBe(6)
  await unit.locator('#unit-payment-codes').scrollIntoViewIfNeeded()
  await shot(unit, 'unit-payment-code')

  // The month's statement: the unit's transfer (its own account name, the code in lower case among other words), a transfer nobody can tell, a payout.
  const today = chinaDateOf(new Date())
  const statement = join(world.tmp, '银行流水.xlsx')
  writeFileSync(statement, await bankStatementXlsx([
    [today, '雁塔区快递行业工会联合会', '600.00', null, `11月参保费 ${code.toLowerCase()}`],
    [today, '某某商贸有限公司', '88.00', null, '货款'],
    [today, '中国工商银行', null, '2.00', '手续费'],
  ]))
  const desk = await openAs(world.browser, world.base, world.office.tokens.staff)
  await desk.goto('/staff/payments/index')
  await visible(desk, '#bank-statement')
  await desk.setInputFiles('#bank-statement-file', statement)
  await desk.waitForSelector('#bank-statement-result[data-matched="1"]', { timeout: 20_000 })
  expect(await desk.locator('#bank-statement-result').getAttribute('data-activated')).toBe('6')
  const unmatched = await desk.locator('#bank-unmatched-lines .bank-line').evaluateAll((lines) => lines.map((l) => [Number((l as HTMLElement).dataset.row), (l as HTMLElement).dataset.result]))
  expect(unmatched).toEqual([[4, 'unknown_reference'], [5, 'not_credit']])
  expect(await desk.locator('#bank-line-4').textContent()).toContain('附言中没有缴费识别码')
  expect(await desk.locator('#bank-matched-lines .bank-line').evaluateAll((lines) => lines.map((l) => (l as HTMLElement).dataset.row))).toEqual(['3'])
  // At a desk: one table row per line, nothing drawn over anything.
  for (const layout of await lineLayout(desk, 'bank-unmatched-lines')) expect(layout).toMatchObject({ overlaps: [], outside: [], broken: [] })
  await desk.locator('#bank-statement').scrollIntoViewIfNeeded()
  await shot(desk, 'bank-statement-desk')
  await desk.context().close()

  // The same statement again on a phone: nothing is paid twice, and every line is readable at 375 and at 320 pixels.
  const phone = await openAs(world.browser, world.base, world.office.tokens.staff, 'phone')
  await phone.goto('/staff/payments/index')
  await visible(phone, '#bank-statement')
  await phone.setInputFiles('#bank-statement-file', statement)
  await phone.waitForSelector('#bank-statement-result[data-matched="0"]', { timeout: 20_000 })
  expect(await phone.locator('#bank-line-3').getAttribute('data-result')).toBe('already_paid')
  for (const width of [375, 320]) {
    await phone.setViewportSize({ width, height: 812 })
    const layout = await lineLayout(phone, 'bank-unmatched-lines')
    expect([width, layout.map((l) => l.row)]).toEqual([width, [3, 4, 5]])
    for (const line of layout) expect([width, line]).toEqual([width, { row: line.row, overlaps: [], outside: [], broken: [] }])
    await phone.locator('#bank-statement-result').scrollIntoViewIfNeeded()
    await shot(phone, `bank-statement-again-${width}`)
  }
  await phone.context().close()

  // Every row of the roster is now covered; nothing is left to pay.
  await unit.reload()
  await unit.waitForSelector('.unit-member >> nth=5', { timeout: 20_000 })
  expect(await unit.locator('.unit-member[data-status="active"]').count()).toBe(6)
  expect(await unit.locator('#unit-payment-codes').count()).toBe(0)
  await settle(unit)
  await shot(unit, 'roster-paid')
  await unit.context().close()
})
