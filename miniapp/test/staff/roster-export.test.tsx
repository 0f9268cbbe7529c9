import { afterEach, beforeEach, describe, expect, jest, test } from '@jest/globals'
import { fireEvent, render, screen, waitFor } from '@testing-library/react'
import { staffUi } from '@huzhu/shared'
import { RosterPanel } from '../../src/staff/unit/RosterPanel'
import { json, shaanxi, summaryOf } from '../fixtures'
import { setModalAnswer, setRequestHandler, setStorageSync } from '../taro-stub'

/**
 * The unit's roster export: the plain download is the masked list; the full
 * list (ID numbers and mobiles, audited by the server) is a separate action
 * that asks first.
 */
describe('roster export (H5)', () => {
  const realFetch = globalThis.fetch
  const realObjectUrl = URL.createObjectURL
  let fetchMock: jest.Mock<(url: string, init?: RequestInit) => Promise<unknown>>
  beforeEach(async () => {
    setStorageSync('huzhu.session.token', 'token-of-the-unit-admin-0123456789')
    setRequestHandler((options) => (options.url === '/api/v1/units/unt_1/catalogues' ? json({ catalogues: [summaryOf(shaanxi)] }) : { statusCode: 404, data: {} }))
    fetchMock = jest.fn(async () => ({ ok: true, status: 200, blob: async () => new Blob(['xlsx']), headers: { get: () => null } }))
    globalThis.fetch = fetchMock as unknown as typeof fetch
    URL.createObjectURL = () => 'blob:roster'
    jest.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(() => undefined) // jsdom cannot follow a download link
    render(<RosterPanel unitId='unt_1' defaultCatalogueId='shaanxi-gig-2023' onImported={() => undefined} />)
    await waitFor(() => expect(document.getElementById('roster-catalogue-shaanxi-gig-2023')).toBeTruthy())
  })
  afterEach(() => {
    globalThis.fetch = realFetch
    URL.createObjectURL = realObjectUrl
    jest.restoreAllMocks()
  })

  test('the plain download asks for the masked list', async () => {
    fireEvent.click(screen.getByText(staffUi.unit.exportRoster))
    await waitFor(() => expect(fetchMock).toHaveBeenCalledTimes(1))
    expect(fetchMock.mock.calls[0]![0]).toBe('/api/v1/units/unt_1/roster.xlsx?catalogueId=shaanxi-gig-2023')
  })

  test('the full list is its own action, asked for only once the admin confirms', async () => {
    setModalAnswer(false)
    fireEvent.click(screen.getByText('导出完整名单（含身份证号）'))
    await new Promise((r) => setTimeout(r, 20))
    expect(fetchMock).not.toHaveBeenCalled()

    setModalAnswer(true)
    fireEvent.click(screen.getByText('导出完整名单（含身份证号）'))
    await waitFor(() => expect(fetchMock).toHaveBeenCalledTimes(1))
    expect(fetchMock.mock.calls[0]![0]).toBe('/api/v1/units/unt_1/roster.xlsx?catalogueId=shaanxi-gig-2023&full=1')
  })
})
