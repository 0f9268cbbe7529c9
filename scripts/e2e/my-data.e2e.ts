import ExcelJS from 'exceljs'
import type { Page } from 'playwright-core'
import { addDays, type CivilDate, dataRequestUi, endpoints, idCheckCharacter, pathOf } from '@huzhu/shared'
import { screenshotter } from './browser'
import { answer, enrolledRider, fillOwnProfile, login } from './steps/api'
import { arrive, keepSession, onScreen, openPhone, tap } from './steps/phone'
import { download, settle, visible } from './steps/screens'
import { staffWorld } from './steps/world'

/**
 * 我的数据, end to end on the real H5 build and server: a rider whose cover runs
 * downloads everything held about them as a workbook, asks for deletion and is
 * told it happens the day after the cover ends, then cancels; a rider without
 * cover deletes at once, is shown what the office must keep and why, and is
 * signed out. Screens in scripts/e2e/screenshots/my-data/.
 */
const world = staffWorld()
const shot = screenshotter('my-data')
const OTHER_PHONE = '13900000077'

describe('a rider’s own data: the download, and deletion with what is kept and why', () => {
  let page: Page

  afterEach(async () => {
    await page?.context().close()
  })

  test('cover running: the workbook downloads with the rider’s records; deletion is scheduled for the day after the cover ends, and cancelled', async () => {
    const rider = await enrolledRider(world.base, world.office.tokens.staff, { name: '张数据', idNumber: '610102199203041236' })
    page = await openPhone(world.browser, world.base, shot)
    await keepSession(page, rider.token)
    await page.goto('/me/data/index')
    await arrive(page, '#data-page')
    const enrolment = (await answer<{ enrolments: { end: string }[] }>(world.base, 'GET', pathOf(endpoints.enrolments.listMyEnrolments), { token: rider.token })).body.enrolments[0]!
    const effective = addDays(enrolment.end as CivilDate, 1)
    expect(await onScreen(page, '#data-deletion-now').textContent()).toContain(effective)
    await shot(page, 'my-data')

    const bytes = await download(page, '#data-export-xlsx')
    const book = new ExcelJS.Workbook()
    await book.xlsx.load(bytes as unknown as ArrayBuffer)
    expect(book.worksheets.map((s) => s.name)).toEqual(expect.arrayContaining(['实名信息', '参保记录', '缴费', '理赔', '授权记录']))
    const profile: string[] = []
    book.getWorksheet('实名信息')!.eachRow((row) => (row.values as unknown[]).forEach((v) => profile.push(String(v ?? ''))))
    expect(profile).toEqual(expect.arrayContaining(['张数据', '610102199203041236']))

    await tap(page, '#data-deletion-request')
    await visible(page, '.taro__modal .taro-modal__text')
    expect(await page.locator('.taro__modal .taro-modal__text').textContent()).toBe(dataRequestUi.confirmText)
    await page.waitForTimeout(300)
    await shot(page, 'my-data-confirm')
    await page.click('.taro__modal .taro-model__confirm')
    await arrive(page, '#data-deletion-scheduled')
    expect(await onScreen(page, '#data-deletion-scheduled').textContent()).toContain(effective)
    await onScreen(page, '#data-deletion-scheduled').scrollIntoViewIfNeeded()
    await settle(page)
    await shot(page, 'my-data-scheduled')
    await tap(page, '#data-deletion-cancel')
    await arrive(page, '#data-deletion-request')
    expect((await answer(world.base, 'GET', pathOf(endpoints.members.getMyProfile), { token: rider.token })).status).toBe(200)
  })

  test('no cover: deleted at once; the kept records with why; the session ends', async () => {
    const { token } = await login(world.base, OTHER_PHONE)
    const first17 = '61010219880808004'
    await fillOwnProfile(world.base, token, { name: '李删除', idNumber: first17 + idCheckCharacter(first17), mobile: OTHER_PHONE })
    page = await openPhone(world.browser, world.base, shot)
    await keepSession(page, token)
    await page.goto('/me/data/index')
    await arrive(page, '#data-page')
    expect(await onScreen(page, '#data-deletion-now').textContent()).toBe(dataRequestUi.nowAtOnce)
    await tap(page, '#data-deletion-request')
    await visible(page, '.taro__modal .taro-modal__text')
    await page.waitForTimeout(300)
    await page.click('.taro__modal .taro-model__confirm')
    await arrive(page, '#data-deletion-done')
    const kept = await onScreen(page, '#data-kept').textContent()
    expect(kept).toContain(dataRequestUi.kept.payments)
    expect(kept).toContain(dataRequestUi.kept.claim_payouts)
    await settle(page)
    await shot(page, 'my-data-deleted')
    expect((await answer(world.base, 'GET', pathOf(endpoints.users.getMe), { token })).status).toBe(401)
  })
})
