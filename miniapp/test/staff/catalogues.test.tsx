import { describe, expect, test } from '@jest/globals'
import { fireEvent, render, waitFor } from '@testing-library/react'
import {
  builtInCatalogueData, cataloguePreviewResponseSchema, catalogueRecordSchema, loadCatalogue, previewCatalogue, staffPageTitles,
  type CatalogueRecord, type MeResponse,
} from '@huzhu/shared'
import { TodayProvider } from '../../src/lib/today'
import CataloguesPage from '../../src/staff/catalogues'
import StaffHomePage from '../../src/staff/index'
import { fakeServer, json } from '../fixtures'
import { requests, setRequestHandler, setStorageSync } from '../taro-stub'

/**
 * Catalogues in the staff app (issue 11, item 3): an admin uploads a catalogue
 * file, sees every error at its path, previews it as a member would, publishes.
 */
const admin: MeResponse = { id: 'usr_admin', roles: ['member', 'admin'], grants: [], phoneMasked: '138****0001', wechatLinked: false, hasProfile: true }
const staff: MeResponse = { ...admin, id: 'usr_staff', roles: ['member', 'staff'] }

const shanghai = builtInCatalogueData[0] as Record<string, unknown>
const file2027 = { ...shanghai, id: 'shanghai-2027', name: '上海市职工互助保障 2027 年度', term: { kind: 'plan_year', start: '2027-04-01', end: '2028-03-31' }, proration: [] }
const record = (over: Partial<CatalogueRecord> = {}): CatalogueRecord => catalogueRecordSchema.parse({
  id: 'shanghai-2020', name: '上海市职工互助保障', region: '上海市', term: { kind: 'plan_year', start: '2020-04-01', end: '2021-03-31' }, origin: 'built_in',
  version: null, publishedAt: null, successor: null, closedOn: null, inUse: true, twoUnitsAtOnce: true, changeable: false, ...over,
})
/** The server's preview of the 2027 file, made by the same shared code it runs. */
function previewOf(on: string) {
  const loaded = loadCatalogue(file2027)
  if (!loaded.ok) throw new Error('fixture does not load')
  return cataloguePreviewResponseSchema.parse({ catalogue: loaded.catalogue.data, preview: previewCatalogue(loaded.catalogue, on), existing: null, refusal: null })
}
const invalid = {
  statusCode: 422,
  data: {
    error: {
      code: 'catalogue_invalid', message: '保障计划文件有 2 处错误，请按提示逐项修改后重新上传',
      details: [{ path: 'products.0.priceFen', message: '金额最多精确到分' }, { path: '', message: '出现未知的键(key): "bundel"' }],
    },
  },
}

const byId = (id: string) => document.getElementById(id)
const text = (id: string) => byId(id)?.textContent ?? null
const choose = (content: string) =>
  fireEvent.change(byId('catalogue-file')!, { target: { files: [new File([content], 'plan.json', { type: 'application/json' })] } })

function office(me: MeResponse, routes: Parameters<typeof fakeServer>[0] = {}) {
  setStorageSync('huzhu.session.token', 'a-session-token-0123456789')
  setRequestHandler(fakeServer({ 'GET /api/v1/me': json(me), 'GET /api/v1/calendar': json({ years: [], today: '2027-05-10', coveredThrough: null, nextYear: 2027, daysLeft: 0, warning: false, warningDays: 60 }), 'GET /api/v1/catalogue-records': json({ catalogues: [record()] }), ...routes }))
}

function renderPage() {
  return render(<TodayProvider value={() => '2027-05-10'}><CataloguesPage /></TodayProvider>)
}

describe('the admin’s catalogues', () => {
  test('the admin home links to them; office staff do not see the entry', async () => {
    office(admin)
    const home = render(<StaffHomePage />)
    await waitFor(() => expect(byId('staff-entry-catalogues')).toBeTruthy())
    expect(text('staff-entry-catalogues')).toContain(staffPageTitles.catalogues)
    home.unmount()
    office(staff)
    render(<StaffHomePage />)
    await waitFor(() => expect(byId('staff-entry-units')).toBeTruthy())
    expect(byId('staff-entry-catalogues')).toBeNull()
  })

  test('a file with errors: every error at its path, in Chinese; nothing to publish', async () => {
    office(admin, { 'POST /api/v1/catalogue-previews': invalid })
    renderPage()
    await waitFor(() => expect(byId('catalogue-record-shanghai-2020')).toBeTruthy())
    choose(JSON.stringify({ ...file2027, bundel: [] }))
    await waitFor(() => expect(byId('catalogue-errors')).toBeTruthy())
    expect(text('catalogue-errors')).toContain('发现 2 处错误')
    expect(text('catalogue-error-0')).toBe('products.0.priceFen金额最多精确到分')
    expect(text('catalogue-error-1')).toBe('（整个文件）出现未知的键(key): "bundel"')
    expect(byId('catalogue-publish')).toBeNull()
  })

  test('a file that is not JSON is refused on the phone, before anything is sent', async () => {
    office(admin)
    renderPage()
    await waitFor(() => expect(byId('catalogue-file')).toBeTruthy())
    const before = requests.length
    choose('{ "schemaVersion": 1, ')
    await waitFor(() => expect(byId('catalogue-upload-error')).toBeTruthy())
    expect(text('catalogue-upload-error')).toMatch(/^这不是有效的 JSON 文件/)
    expect(requests.slice(before).filter((r) => r.url.includes('catalogue-previews'))).toEqual([])
  })

  test('a good file is previewed as a member sees it, then published with the file as sent', async () => {
    let published: unknown = null
    office(admin, {
      'POST /api/v1/catalogue-previews': (options) => json(previewOf(new URL(`http://x${options.url}`).searchParams.get('on')!)),
      'PUT /api/v1/catalogues/shanghai-2027': (options) => {
        published = options.data
        return json(record({ id: 'shanghai-2027', origin: 'published', version: 1, inUse: false, changeable: true }))
      },
    })
    renderPage()
    await waitFor(() => expect(byId('catalogue-file')).toBeTruthy())
    choose(JSON.stringify(file2027))
    await waitFor(() => expect(byId('catalogue-preview')).toBeTruthy())
    // The member's own product cards and live quote, then the benefits, modes and waiting periods in words.
    expect(text('product-A0')).toContain('¥120.00')
    expect(text('catalogue-preview-product-A2')).toContain('住院医疗每天 ¥200.00，每年最高 ¥36,000.00')
    expect(text('catalogue-preview-mode-instant')).toContain('住院：等待期 30 天，2027年6月10日 起保障')
    expect(text('catalogue-preview-mode-collective')).toContain('不能集中参保')
    expect(text('quote-panel')).toContain('2027年5月10日')
    fireEvent.click(byId('catalogue-publish')!)
    await waitFor(() => expect(byId('catalogue-published')).toBeTruthy())
    expect(text('catalogue-published')).toBe('已发布 shanghai-2027，会员现在即可报价、参保')
    expect(published).toEqual(JSON.parse(JSON.stringify(file2027)))
  })
})
