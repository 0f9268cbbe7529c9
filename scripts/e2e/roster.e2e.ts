import { writeFileSync } from 'node:fs'
import { join } from 'node:path'
import type { Page } from 'playwright-core'
import { rosterHeaders, ROSTER_ERROR_HEADER } from '@huzhu/shared'
import { screenshotter } from './browser'
import { CATALOGUE } from './steps/api'
import { idNumber, readSheet, rosterXlsx, type RosterRow } from './steps/files'
import { download, openAs, settle, visible } from './steps/screens'
import { staffWorld } from './steps/world'

/**
 * A unit's roster, end to end: the unit admin downloads the blank template,
 * uploads a roster with three bad rows, sees exactly those three, downloads the
 * file back with an error column, imports the fixed file, downloads the unit's
 * roster with everyone in it.
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
