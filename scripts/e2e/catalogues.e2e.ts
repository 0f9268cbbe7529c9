import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import type { Page } from 'playwright-core'
import { screenshotter } from './browser'
import { answer } from './steps/api'
import { openAs, settle, visible } from './steps/screens'
import { arrive, onScreen, openPhone, tap } from './steps/phone'
import { repoRoot } from './server-process'
import { staffWorld } from './steps/world'
import { endpoints, pathOf } from '@huzhu/shared'

/**
 * Issue 11, item 3: an admin publishes a new catalogue in the staff app and a
 * rider quotes it, with no restart of the server. On a phone (375 px) the admin
 * uploads next year's gig-workers' plan with mistakes in it and reads every error
 * at its path; uploads it corrected, reads the preview as a member would see it,
 * publishes. A rider's phone then finds the new plan among the plans and quotes
 * it; at a desk the admin sees it listed, published here, not yet used. Every
 * screen passed is saved in scripts/e2e/screenshots/staff/catalogues/.
 */
const world = staffWorld()
const shot = screenshotter('staff/catalogues')

const shaanxi = JSON.parse(readFileSync(join(repoRoot, 'shared/catalogues/shaanxi-gig-2023.json'), 'utf8')) as Record<string, unknown> & { products: Record<string, unknown>[] }
const NEW_ID = 'shaanxi-gig-2027'
const NEW_NAME = '陕西新就业形态劳动者互助保障 2027（演示）'
const plan = {
  ...shaanxi,
  id: NEW_ID,
  name: NEW_NAME,
  products: [{ ...shaanxi.products[0], priceFen: 12_000, summary: '住院和意外一份保障，一年 120 元（演示）。' }],
}
const withMistakes = { ...plan, name: '', products: [{ ...plan.products[0], priceFen: 120.5 }], twoUnitsAtOnce: 'no' }
const asFile = (value: unknown, name: string) => ({ name, mimeType: 'application/json', buffer: Buffer.from(JSON.stringify(value, null, 2)) })

/** Nothing on the page is wider than the phone's screen (375 px). */
const fitsTheScreen = (page: Page) => page.evaluate(() => document.documentElement.scrollWidth <= 375)

describe('an admin publishes a new catalogue and a rider quotes it without a restart', () => {
  test('on a phone: the errors at their paths, then the preview, then publish', async () => {
    // Before: the server offers no such plan.
    expect((await answer(world.base, 'POST', pathOf(endpoints.quotes.createQuote), { body: { catalogueId: NEW_ID, products: ['ZY'], mode: 'instant', acceptedOn: '2026-12-01' } })).status).toBe(422)

    const page = await openAs(world.browser, world.base, world.office.tokens.admin, 'phone')
    await page.goto('/staff/index/index')
    await visible(page, '#staff-entry-catalogues')
    await page.click('#staff-entry-catalogues')
    await visible(page, '#catalogues-desk')
    await visible(page, '#catalogue-record-shaanxi-gig-2023')
    await settle(page)
    await shot(page, 'catalogues-phone')

    await page.setInputFiles('#catalogue-file', asFile(withMistakes, 'shaanxi-gig-2027.json'))
    await visible(page, '#catalogue-errors')
    const errors = await page.locator('.catalogue-error').allTextContents()
    expect(errors).toEqual(expect.arrayContaining([
      expect.stringMatching(/^name/),
      expect.stringMatching(/^products\.0\.priceFen金额最多精确到分/),
      expect.stringMatching(/^twoUnitsAtOnce无效输入/),
    ]))
    expect(errors).toHaveLength(3)
    expect(await page.locator('#catalogue-publish').count()).toBe(0)
    expect(await fitsTheScreen(page)).toBe(true)
    await page.locator('#catalogue-errors').scrollIntoViewIfNeeded()
    await shot(page, 'upload-errors')

    await page.setInputFiles('#catalogue-file', asFile(plan, 'shaanxi-gig-2027.json'))
    await visible(page, '#catalogue-preview')
    expect(await page.locator('#catalogue-errors').count()).toBe(0)
    expect(await page.locator('#product-ZY').textContent()).toContain('¥120.00')
    expect(await page.locator('#catalogue-preview-modes').textContent()).toContain('即时参保')
    expect(await page.locator('#catalogue-preview-benefits').textContent()).toContain('每年最高')
    expect(await fitsTheScreen(page)).toBe(true)
    await page.locator('#catalogue-preview').scrollIntoViewIfNeeded()
    await shot(page, 'preview')

    await page.locator('#catalogue-publish').scrollIntoViewIfNeeded()
    await page.click('#catalogue-publish')
    await visible(page, '#catalogue-published')
    expect(await page.locator('#catalogue-published').textContent()).toContain(NEW_ID)
    await visible(page, `#catalogue-record-${NEW_ID}`)
    await page.locator('#catalogue-published').scrollIntoViewIfNeeded()
    await shot(page, 'published')
    await page.context().close()
  })

  test('a rider’s phone finds the new plan and quotes it, from the same running server', async () => {
    const rider = await openPhone(world.browser, world.base, shot)
    await rider.goto('/enrol/plans/index')
    await arrive(rider, '#plans-screen')
    await tap(rider, `#catalogue-${NEW_ID}`)
    await onScreen(rider, `#catalogue-${NEW_ID}.is-active`).waitFor()
    await tap(rider, '#product-ZY .nut-checkbox')
    await onScreen(rider, '#quote-total').waitFor()
    expect(await onScreen(rider, '#quote-total').textContent()).toContain('¥120.00')
    await shot(rider, 'rider-quote')
    await rider.context().close()

    const quote = await answer<{ premiumFen: number }>(world.base, 'POST', pathOf(endpoints.quotes.createQuote), { body: { catalogueId: NEW_ID, products: ['ZY'], mode: 'instant', acceptedOn: '2026-12-01' } })
    expect(quote).toMatchObject({ status: 200, body: { premiumFen: 12_000 } })
  })

  test('at a desk the admin sees it listed: published here, version 1, no enrolment yet', async () => {
    const page = await openAs(world.browser, world.base, world.office.tokens.admin, 'desk')
    await page.goto('/staff/catalogues/index')
    await visible(page, `#catalogue-record-${NEW_ID}`)
    const record = await page.locator(`#catalogue-record-${NEW_ID}`).textContent()
    expect(record).toContain('管理员发布')
    expect(record).toContain('第 1 版')
    expect(record).toContain('尚无参保记录')
    await page.locator(`#catalogue-record-${NEW_ID}`).scrollIntoViewIfNeeded()
    await shot(page, 'catalogues-desk')
    await page.context().close()
  })
})
