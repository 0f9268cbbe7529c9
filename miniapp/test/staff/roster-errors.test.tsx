import { afterEach, describe, expect, jest, test } from '@jest/globals'
import { fireEvent, render, screen, waitFor } from '@testing-library/react'
import { staffUi, type Roster } from '@huzhu/shared'
import { RosterErrors } from '../../src/staff/components/RosterErrors'
import { RosterPanel } from '../../src/staff/unit/RosterPanel'
import { json, shaanxi, summaryOf } from '../fixtures'
import { requests, setRequestHandler, setStorageSync } from '../taro-stub'

const checked: Roster = {
  id: 'rst_1',
  unitId: 'unt_1',
  catalogueId: 'shaanxi-gig-2023',
  fileName: '名单.xlsx',
  status: 'checked',
  rowCount: 5,
  validCount: 2,
  errors: [
    { row: 3, column: '身份证号码', code: 'id_number_checksum', message: '身份证号码校验位不对' },
    { row: 4, column: '性别', code: 'roster_sex_mismatch', message: '性别与身份证号码不符（身份证显示为女）' },
    { row: 6, column: '是否参加基本医保', code: 'roster_insurance_invalid', message: '是否参加基本医保应填“是”或“否”' },
  ],
  importedCount: null,
  premiumFen: null,
  createdAt: '2026-11-25T08:00:00Z',
  importedAt: null,
}

function errorRows() {
  return Array.from(document.querySelectorAll<HTMLElement>('.roster-error')).map((row) => [Number(row.dataset.row), row.dataset.column, row.textContent])
}

describe('roster check result', () => {
  test('lists every bad row with its row number, column and reason', () => {
    render(<RosterErrors roster={checked} />)
    expect(document.getElementById('roster-summary')?.textContent).toBe('共 5 行，2 行无误，3 处错误')
    expect(errorRows()).toEqual([
      [3, '身份证号码', '3身份证号码身份证号码校验位不对'],
      [4, '性别', '4性别性别与身份证号码不符（身份证显示为女）'],
      [6, '是否参加基本医保', '6是否参加基本医保是否参加基本医保应填“是”或“否”'],
    ])
  })

  test('a clean roster says so and lists nothing', () => {
    render(<RosterErrors roster={{ ...checked, validCount: 5, errors: [] }} />)
    expect(screen.getByText(staffUi.unit.allGood)).toBeTruthy()
    expect(document.getElementById('roster-errors')).toBeNull()
  })
})

describe('roster upload (H5)', () => {
  const realFetch = globalThis.fetch
  afterEach(() => {
    globalThis.fetch = realFetch
  })

  test('uploads the bytes with the token, shows the bad rows, and imports only the good ones on request', async () => {
    setStorageSync('huzhu.session.token', 'token-of-the-unit-admin-0123456789')
    // jsdom has no fetch: a stand-in that answers like the server (201 and the checked roster).
    const fetchMock = jest.fn(async (_url: string, _init?: RequestInit) => ({ ok: true, status: 201, json: async () => checked, headers: { get: () => null } }))
    globalThis.fetch = fetchMock as unknown as typeof fetch
    setRequestHandler((options) => {
      if (options.url === '/api/v1/units/unt_1/rosters/rst_1/import') {
        return { statusCode: 200, data: { ...checked, status: 'imported', importedCount: 2, premiumFen: 20000, importedAt: '2026-11-25T08:01:00Z' } }
      }
      if (options.url === '/api/v1/units/unt_1/catalogues') return json({ catalogues: [summaryOf(shaanxi)] })
      return { statusCode: 404, data: { error: { code: 'not_found', message: '没有找到要查看的内容' } } }
    })
    const onImported = jest.fn()
    render(<RosterPanel unitId='unt_1' defaultCatalogueId='shaanxi-gig-2023' onImported={onImported} />)
    await waitFor(() => expect(document.getElementById('roster-catalogue-shaanxi-gig-2023')).toBeTruthy())

    const file = new File([new Uint8Array([0x50, 0x4b, 3, 4])], '名单.xlsx', { type: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet' })
    fireEvent.change(document.getElementById('roster-file')!, { target: { files: [file] } })

    await waitFor(() => expect(document.querySelectorAll('.roster-error')).toHaveLength(3))
    const [url, init] = fetchMock.mock.calls[0]!
    expect(url).toBe('/api/v1/units/unt_1/rosters?catalogueId=shaanxi-gig-2023&fileName=%E5%90%8D%E5%8D%95.xlsx')
    expect(init?.method).toBe('POST')
    expect((init?.headers as Record<string, string>).Authorization).toBe('Bearer token-of-the-unit-admin-0123456789')
    // Nothing is imported while there are errors, unless the admin asks for the good rows only.
    expect(document.getElementById('roster-import')).toBeNull()
    expect(document.getElementById('roster-error-file')).toBeTruthy()

    fireEvent.click(document.getElementById('roster-import-valid')!)
    await waitFor(() => expect(document.getElementById('roster-imported')?.dataset.imported).toBe('2'))
    expect(requests.find((r) => r.url.endsWith('/import'))?.data).toEqual({ onlyValidRows: true })
    expect(onImported).toHaveBeenCalled()
  })
})
