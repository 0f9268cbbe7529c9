import { describe, expect, test } from '@jest/globals'
import { act, fireEvent, render, waitFor } from '@testing-library/react'
import { hardshipUi, message, type HardshipWorker, type MeResponse } from '@huzhu/shared'
import HardshipPage from '../../src/staff/hardship'
import { fakeServer, json } from '../fixtures'
import { modals, requests, setModalAnswer, setRequestHandler, setRouterParams, setStorageSync } from '../taro-stub'

/** Staff flag hardship workers (困难职工) by name and ID number, see them masked, and unflag them (issue 11, item 5). */
const staff: MeResponse = { id: 'usr_staff', roles: ['member', 'staff'], grants: [{ id: 'rol_staff', role: 'staff', unitId: null, grantedAt: '2026-11-01T02:00:00.000Z' }], phoneMasked: '138****0002', wechatLinked: false, hasProfile: true }
const worker = (n: number, overrides: Partial<HardshipWorker> = {}): HardshipWorker => ({
  id: `hdw_${n}`, nameMasked: '张*', idNumberMasked: '6101**********1231', reason: `困难职工档案 2026-00${n}`, flaggedAt: '2026-11-20T02:00:00.000Z', flaggedBy: 'usr_staff', ...overrides,
})

const byId = (id: string) => document.getElementById(id)
const text = (id: string) => byId(id)?.textContent ?? null
const type = (id: string, value: string) => fireEvent.change(byId(id)!, { target: { value } })
const click = (id: string) => fireEvent.click(byId(id)!)
const calls = (method: string) => requests.filter((r) => (r.method ?? 'GET') === method && r.url.startsWith('/api/v1/hardship-workers'))

function office(flags: HardshipWorker[]) {
  setStorageSync('huzhu.session.token', 'a-session-token-0123456789')
  setRouterParams({})
  let shown = [...flags]
  setRequestHandler(fakeServer({
    'GET /api/v1/me': json(staff),
    'GET /api/v1/hardship-workers': ({ url }) => {
      const before = new URL(url, 'http://x').searchParams.get('before')
      const rest = before ? shown.slice(shown.findIndex((w) => w.id === before) + 1) : shown
      return json({ workers: rest.slice(0, 2), nextBefore: rest.length > 2 ? rest[1]!.id : null })
    },
    'POST /api/v1/hardship-workers': ({ data }) => {
      const body = data as { name: string; idNumber: string; reason: string }
      const made = worker(9, { nameMasked: `${body.name[0]}*`, reason: body.reason })
      shown = [made, ...shown]
      return json(made)
    },
    'DELETE /api/v1/hardship-workers/hdw_1': () => {
      shown = shown.filter((w) => w.id !== 'hdw_1')
      return { statusCode: 204, data: '' }
    },
    'DELETE /api/v1/hardship-workers/hdw_2': { statusCode: 404, data: { error: { code: 'hardship_not_found', message: message('hardship_not_found') } } },
  }))
}

describe('the hardship workers page', () => {
  test('lists the flags masked, a page at a time; says when there are none', async () => {
    office([worker(1), worker(2, { nameMasked: null }), worker(3)])
    render(<HardshipPage />)
    await waitFor(() => expect(byId('hardship-worker-hdw_1')).toBeTruthy())
    expect(text('hardship-worker-hdw_1')).toContain('张*')
    expect(text('hardship-worker-hdw_1')).toContain('6101**********1231')
    expect(text('hardship-worker-hdw_2')).toContain(hardshipUi.noName)
    expect(byId('hardship-worker-hdw_3')).toBeNull()
    click('hardship-more')
    await waitFor(() => expect(byId('hardship-worker-hdw_3')).toBeTruthy())
    expect(byId('hardship-more')).toBeNull()
  })

  test('checks name, ID number and reason before sending, in Chinese; flags with the number in the body; the list shows the new flag', async () => {
    office([])
    render(<HardshipPage />)
    await waitFor(() => expect(text('hardship-empty')).toBe(hardshipUi.empty))
    click('hardship-submit')
    expect(text('hardship-error')).toBe(message('name_required'))
    type('hardship-name', '张三')
    type('hardship-id-number', '610102199001011232')
    expect(text('hardship-id-number-error')).toBe(message('id_checksum'))
    type('hardship-reason', '档案 2026-017')
    click('hardship-submit')
    expect(text('hardship-error')).toBe(message('id_checksum'))
    type('hardship-id-number', '610102199001011231')
    type('hardship-reason', ' ')
    click('hardship-submit')
    expect(text('hardship-error')).toBe(hardshipUi.reasonRequired)
    expect(calls('POST')).toEqual([])

    type('hardship-reason', '困难职工档案 2026-017')
    click('hardship-submit')
    await waitFor(() => expect(text('hardship-notice')).toBe('已标记：张*（6101**********1231）'))
    expect(calls('POST').map((r) => r.data)).toEqual([{ name: '张三', idNumber: '610102199001011231', reason: '困难职工档案 2026-017' }])
    expect(requests.some((r) => r.url.includes('610102199001011231'))).toBe(false)
    await waitFor(() => expect(byId('hardship-worker-hdw_9')).toBeTruthy())
    expect((byId('hardship-name') as HTMLInputElement).value).toBe('')
  })

  test('unflags after a confirm that names who; cancelled, nothing is sent; a refusal is shown', async () => {
    office([worker(1), worker(2)])
    render(<HardshipPage />)
    await waitFor(() => expect(byId('hardship-worker-hdw_1-unflag')).toBeTruthy())
    setModalAnswer(false)
    click('hardship-worker-hdw_1-unflag')
    await waitFor(() => expect(modals).toHaveLength(1))
    await act(() => new Promise((resolve) => setTimeout(resolve, 0)))
    expect(calls('DELETE')).toEqual([])
    expect(modals[0]!.content).toContain('张*（6101**********1231）')

    setModalAnswer(true)
    click('hardship-worker-hdw_1-unflag')
    await waitFor(() => expect(text('hardship-notice')).toBe('已取消标记：张*（6101**********1231）'))
    expect(byId('hardship-worker-hdw_1')).toBeNull()
    click('hardship-worker-hdw_2-unflag')
    await waitFor(() => expect(text('hardship-list-error')).toBe(message('hardship_not_found')))
    expect(byId('hardship-worker-hdw_2')).toBeTruthy()
  })
})
