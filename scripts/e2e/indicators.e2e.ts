import { mkdirSync } from 'node:fs'
import { join } from 'node:path'
import ExcelJS from 'exceljs'
import type { Browser, Page } from 'playwright-core'
import { type Dashboard, dashboardUi, endpoints, pathOf, type TransparencyPlan } from '@huzhu/shared'
import { launchChromium, phoneContext, screenshotter } from './browser'
import { repoRoot, startServer, type RunningServer } from './server-process'
import { call, login, phones } from './steps/api'
import { download, openAs, settle, visible } from './steps/screens'
import { privateH5Build } from './steps/world'

/**
 * The office's indicators and the members' public figures on the demo office
 * (`npm start`'s seeded data: six units, a few hundred riders, claims over
 * months): the staff dashboard's charts drawn at a desk and at 375 px, a table
 * downloaded as a workbook that holds what the screen shows, and the public
 * transparency page at 375 px from the plans screen, without logging in.
 * Screenshots in screenshots/indicators/ (and the README's in docs/screenshots/).
 */
const shot = screenshotter('indicators')
const readme = join(repoRoot, 'docs/screenshots')
let server: RunningServer
let browser: Browser
let staffToken: string

beforeAll(async () => {
  server = await startServer({ HUZHU_STATIC_DIR: await privateH5Build(), HUZHU_DEMO_DATA: '1' })
  browser = await launchChromium()
  staffToken = (await login(server.baseUrl, phones.staff)).token
}, 240_000)

afterAll(async () => {
  await browser?.close()
  await server?.stop()
})

/** Waits until the first element of `selector` reads `text` (or contains it, when `partial`); says what it read instead. */
async function hasText(page: Page, selector: string, text: string, partial = false): Promise<void> {
  try {
    await page.waitForFunction(([sel, want, part]) => {
      const read = (document.querySelector(sel as string)?.textContent ?? '').trim()
      return part ? read.includes(want as string) : read === want
    }, [selector, text, partial] as const, { timeout: 20_000 })
  } catch {
    throw new Error(`${selector} reads "${await page.locator(selector).first().textContent().catch(() => null)}", not "${text}"`)
  }
}

/** How many pixels of each chart's canvas are drawn (not transparent): a chart that drew nothing has none. */
function drawnPixels(page: Page): Promise<Record<string, number>> {
  return page.evaluate(() => {
    const counts: Record<string, number> = {}
    document.querySelectorAll<HTMLCanvasElement>('.dashboard-chart canvas').forEach((canvas) => {
      const data = canvas.getContext('2d')!.getImageData(0, 0, canvas.width, canvas.height).data
      let n = 0
      for (let i = 3; i < data.length; i += 4) if (data[i]! > 0) n++
      counts[canvas.id] = n
    })
    return counts
  })
}

/** The rows of a table on screen, cell by cell, as the person reads them. */
function tableOnScreen(page: Page, name: string): Promise<string[][]> {
  return page.locator(`#dashboard-table-${name} .dashboard-table__row`).evaluateAll((rows) =>
    rows.map((row) => Array.from(row.querySelectorAll('.dashboard-table__cell')).map((cell) => (cell.textContent ?? '').trim())))
}

/** A sheet's rows as the page writes figures: yuan with two decimals, percentages with two, text as it is. */
async function sheetRows(bytes: Buffer, sheetName: string): Promise<string[][]> {
  const book = new ExcelJS.Workbook()
  await book.xlsx.load(bytes as unknown as ArrayBuffer)
  const sheet = book.getWorksheet(sheetName)
  if (!sheet) throw new Error(`no sheet ${sheetName} in ${book.worksheets.map((w) => w.name).join(', ')}`)
  const rows: string[][] = []
  sheet.eachRow({ includeEmpty: false }, (row) => {
    const cells: string[] = []
    for (let c = 1; c <= sheet.columnCount; c++) {
      const cell = row.getCell(c)
      const value = cell.value
      if (value === null || value === undefined) cells.push('')
      else if (typeof value === 'number' && cell.numFmt?.includes('%')) cells.push(`${(value * 100).toFixed(2)}%`)
      else if (typeof value === 'number' && cell.numFmt?.includes('0.00')) cells.push(value.toLocaleString('en-US', { minimumFractionDigits: 2, maximumFractionDigits: 2 }))
      else if (typeof value === 'number' && cell.numFmt === '0.0') cells.push(value.toFixed(1))
      else cells.push(String(value))
    }
    rows.push(cells)
  })
  return rows
}

/**
 * How far the widest of these elements reaches past the screen's right edge (0 or less: everything fits; wide
 * tables scroll inside their own box, which must fit).
 */
function overflowOf(page: Page, selector: string): Promise<number> {
  return page.locator(selector).evaluateAll((elements) => Math.max(...elements.map((e) => e.getBoundingClientRect().right)) - window.innerWidth)
}

describe('the staff dashboard (统计看板) on the demo office', () => {
  let dashboard: Dashboard
  beforeAll(async () => {
    dashboard = await call<Dashboard>(server.baseUrl, 'GET', pathOf(endpoints.dashboard.getDashboard), { token: staffToken })
  })

  test('at a desk: the staff home links to it; figures as the API counts them, four charts drawn, flagged units with their figures', async () => {
    const page = await openAs(browser, server.baseUrl, staffToken, 'desk')
    await page.goto('/staff/index/index')
    await visible(page, '#staff-entry-dashboard')
    await page.click('#staff-entry-dashboard')
    await visible(page, '#dashboard-result')
    await hasText(page, '#dashboard-figure-enrolled .dashboard-figure__value', String(dashboard.enrolments.total.members))
    await hasText(page, '#dashboard-figure-coverage .dashboard-figure__value', `${(dashboard.coverage.total.rateBp! / 100).toFixed(2)}%`)
    await hasText(page, '#dashboard-figure-claims .dashboard-figure__value', String(dashboard.claims.total))
    await page.waitForFunction(() => document.querySelectorAll('.dashboard-chart canvas').length === 4)
    await page.waitForTimeout(500)
    const drawn = await drawnPixels(page)
    expect(Object.keys(drawn).sort()).toEqual(['dashboard-chart-claims', 'dashboard-chart-coverage', 'dashboard-chart-days', 'dashboard-chart-enrolments'])
    for (const [id, pixels] of Object.entries(drawn)) expect([id, pixels > 500]).toEqual([id, true])
    // 长安区货运司机分会 enrols a fifth of its members, the older ones; 金台 claims far above the average.
    await visible(page, '.dashboard-adverse__unit[data-unit="长安区货运司机分会"] [data-flag="partial_roster"]')
    await visible(page, '.dashboard-adverse__unit[data-unit="金台区快递物流工会"] [data-flag="high_claims_ratio"]')
    await settle(page)
    await page.screenshot({ path: join(readme, 'staff-dashboard-desk.png') })
    await shot(page, 'dashboard-desk')
    await page.locator('#dashboard-tables').scrollIntoViewIfNeeded()
    await shot(page, 'dashboard-desk-tables')
    await page.context().close()
  })

  test('a table downloads as a workbook with the same rows as on screen; the whole workbook holds every table', async () => {
    const page = await openAs(browser, server.baseUrl, staffToken, 'desk')
    await page.goto('/staff/dashboard/index')
    await visible(page, '#dashboard-result')
    for (const table of ['coverageByUnit', 'lossRatioByUnit'] as const) {
      const onScreen = await tableOnScreen(page, table)
      expect(onScreen.length).toBeGreaterThan(2)
      const bytes = await download(page, `#dashboard-table-${table}-download`)
      expect(await sheetRows(bytes, dashboardUi.tables[table])).toEqual(onScreen)
    }
    const all = await download(page, '#dashboard-download')
    const book = new ExcelJS.Workbook()
    await book.xlsx.load(all as unknown as ArrayBuffer)
    for (const name of Object.values(dashboardUi.tables)) expect(book.getWorksheet(name)).toBeDefined()
    expect(await sheetRows(all, dashboardUi.tables.claimsByStatus)).toEqual(await tableOnScreen(page, 'claimsByStatus'))
    await page.context().close()
  })

  test('filtered to a city (宝鸡, 6103) by drilling down the regions: fewer members, the charts drawn again', async () => {
    const page = await openAs(browser, server.baseUrl, staffToken, 'desk')
    await page.goto('/staff/dashboard/index')
    await visible(page, '#dashboard-result')
    await page.locator('#dashboard-table-coverageByRegion .dashboard-table__link').last().click()
    await hasText(page, '#dashboard-table-coverageByRegion', '宝鸡市', true)
    await page.locator('#dashboard-region input').fill('6103')
    await page.click('#dashboard-show')
    const baoji = await call<Dashboard>(server.baseUrl, 'GET', pathOf(endpoints.dashboard.getDashboard, {}, { region: '6103' }), { token: staffToken })
    await hasText(page, '#dashboard-figure-enrolled .dashboard-figure__value', String(baoji.enrolments.total.members))
    expect(baoji.enrolments.total.members).toBeLessThan(dashboard.enrolments.total.members)
    await page.context().close()
  })

  test('at 375 px: one column, nothing wider than the screen, the charts drawn', async () => {
    const context = await phoneContext(browser, server.baseUrl)
    await context.addInitScript((t) => localStorage.setItem('huzhu.session.token', JSON.stringify({ data: t })), staffToken)
    const page = await context.newPage()
    await page.goto('/staff/dashboard/index')
    await visible(page, '#dashboard-result')
    await page.waitForFunction(() => document.querySelectorAll('.dashboard-chart canvas').length === 4)
    await page.waitForTimeout(500)
    const drawn = await drawnPixels(page)
    expect(Object.values(drawn).every((n) => n > 200)).toBe(true)
    expect(await overflowOf(page, '#dashboard-result, .dashboard-figure, .dashboard-chart canvas, .dashboard-table__scroll, #dashboard-form')).toBeLessThanOrEqual(0)
    await settle(page)
    await shot(page, 'dashboard-phone')
    await page.locator('#dashboard-figures').scrollIntoViewIfNeeded()
    await page.screenshot({ path: join(readme, 'staff-dashboard-phone.png') })
    await page.locator('#dashboard-charts').scrollIntoViewIfNeeded()
    await shot(page, 'dashboard-phone-charts')
    await context.close()
  })
})

describe('the public figures (公开透明) at 375 px, without logging in', () => {
  test('from the plans screen: the plan year\'s figures as the API gives them, and cases only in groups of 5 or more', async () => {
    const context = await phoneContext(browser, server.baseUrl)
    const page = await context.newPage()
    await page.goto('/enrol/plans/index')
    await visible(page, '#plans-transparency')
    await page.click('#plans-transparency')
    await visible(page, '#transparency-plan')
    const index = await call<{ plans: { catalogueId: string; planYear: number }[] }>(server.baseUrl, 'GET', pathOf(endpoints.transparency.getTransparencyIndex))
    const first = index.plans[0]!
    const plan = await call<TransparencyPlan>(server.baseUrl, 'GET', pathOf(endpoints.transparency.getTransparencyPlan, { catalogueId: first.catalogueId, planYear: first.planYear }))
    await hasText(page, '#transparency-members .transparency-figure__value', `${plan.membersCovered} 人`)
    expect(plan.cases.length).toBeGreaterThan(0)
    expect(await page.locator('.transparency-case').count()).toBe(plan.cases.length)
    for (const people of await page.locator('.transparency-case').evaluateAll((cases) => cases.map((c) => Number(c.getAttribute('data-people'))))) {
      expect(people).toBeGreaterThanOrEqual(5)
    }
    if (plan.suppressedCases > 0) await hasText(page, '#transparency-suppressed', String(plan.suppressedCases), true)
    expect(await overflowOf(page, '#transparency-screen, .card, .transparency-figure, .transparency-case')).toBeLessThanOrEqual(0)
    await settle(page)
    await shot(page, 'transparency-phone')
    mkdirSync(readme, { recursive: true })
    await page.screenshot({ path: join(readme, 'member-transparency.png') })
    await page.locator('#transparency-cases').scrollIntoViewIfNeeded()
    await shot(page, 'transparency-phone-cases')
    await context.close()
  })
})
