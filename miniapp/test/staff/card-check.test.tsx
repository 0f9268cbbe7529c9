import { describe, expect, test } from '@jest/globals'
import { fireEvent, render, screen, waitFor } from '@testing-library/react'
import { base64UrlEncode, utf8Encode, signCertificate, signingKeyFromSeed, staffUi, type CertificatePayload } from '@huzhu/shared'
import { CardCheck } from '../../src/staff/check/CardCheck'
import { CameraScanner } from '../../src/staff/check/H5Scanner'
import { TodayProvider } from '../../src/lib/today'
import { errorResponse } from '../fixtures'
import { requests, setRequestHandler, type RequestHandler } from '../taro-stub'

const key = signingKeyFromSeed('k2026', Uint8Array.from({ length: 32 }, (_, i) => i + 1))
const keysBody = { keys: [{ keyId: key.id, publicKey: base64UrlEncode(key.publicKey) }] }

const payload: CertificatePayload = {
  e: 'enr_1',
  n: '张*',
  i: '6101**********1234',
  c: 'shaanxi-gig-2023',
  p: ['GIG'],
  s: '2026-11-20',
  u: '2027-11-19',
  k: key.id,
  t: '2026-11-19',
}
const signed = signCertificate(payload, key)

/** The body of a signed payload swapped for another person's dates: the signature no longer matches. */
function tampered(): string {
  const [prefix, , signature] = signed.split('.')
  const body = base64UrlEncode(utf8Encode(JSON.stringify({ ...payload, u: '2030-12-31' })))
  return `${prefix}.${body}.${signature}`
}

function server(online: 'valid' | 'cancelled' | 'down'): RequestHandler {
  return ({ url, method }) => {
    if (url === '/api/v1/certificates/keys') return { statusCode: 200, data: keysBody }
    if (url === '/api/v1/certificates/checks' && method === 'POST') {
      if (online === 'down') return errorResponse(503, 'internal_error', '服务暂时出了问题，请稍后再试')
      return { statusCode: 200, data: { verdict: online, message: online === 'valid' ? '保障有效' : '保障已取消', enrolment: null } }
    }
    return errorResponse(404, 'not_found', '没有找到')
  }
}

function openCheck(today = '2026-11-25') {
  render(
    <TodayProvider value={() => today}>
      <CardCheck />
    </TodayProvider>,
  )
}

function paste(text: string) {
  fireEvent.change(document.getElementById('check-paste')!, { target: { value: text } })
  fireEvent.click(document.getElementById('check-paste-submit')!)
}

async function verdict(): Promise<HTMLElement> {
  return waitFor(() => {
    const element = document.getElementById('check-verdict')
    if (!element) throw new Error('no verdict yet')
    return element
  })
}

describe('card check', () => {
  test('a real signed card: valid, masked name and ID, products and dates, the time taken, and the online check', async () => {
    setRequestHandler(server('valid'))
    openCheck()
    paste(signed)

    const shown = await verdict()
    expect(shown.dataset.verdict).toBe('valid')
    expect(screen.getByText(staffUi.check.verdict.valid)).toBeTruthy()
    expect(document.getElementById('check-name')?.textContent).toBe('张*')
    expect(document.getElementById('check-id')?.textContent).toBe('6101**********1234')
    expect(document.getElementById('check-products')?.textContent).toBe('GIG')
    expect(document.getElementById('check-period')?.textContent).toBe('2026年11月20日 至 2027年11月19日')
    await waitFor(() => expect(shown.dataset.verdictMs).toMatch(/^\d+$/))
    expect(Number(shown.dataset.verdictMs)).toBeLessThan(1000)
    await waitFor(() => expect(document.getElementById('check-online')?.dataset.online).toBe('valid'))
    expect(requests.some((r) => r.url === '/api/v1/certificates/checks')).toBe(true)
  })

  test('a tampered payload is refused, and never sent for an online check', async () => {
    setRequestHandler(server('valid'))
    openCheck()
    paste(tampered())

    const shown = await verdict()
    expect(shown.dataset.verdict).toBe('invalid')
    expect(screen.getByText(staffUi.check.verdict.invalid)).toBeTruthy()
    expect(document.getElementById('check-name')).toBeNull()
    expect(requests.some((r) => r.url === '/api/v1/certificates/checks')).toBe(false)
  })

  test('not started and expired follow today’s date', async () => {
    setRequestHandler(server('valid'))
    openCheck('2026-11-19')
    paste(signed)
    expect((await verdict()).dataset.verdict).toBe('not_started')
  })

  test('says plainly when the online check could not be made', async () => {
    setRequestHandler(server('down'))
    openCheck()
    paste(signed)

    expect((await verdict()).dataset.verdict).toBe('valid')
    await waitFor(() => expect(document.getElementById('check-online')?.dataset.online).toBe('failed'))
    expect(document.getElementById('check-online')?.textContent).toContain('未能联网核验是否已取消')
  })

  test('a cover cancelled since the card was issued shows as cancelled', async () => {
    setRequestHandler(server('cancelled'))
    openCheck()
    paste(signed)

    await waitFor(() => expect(document.getElementById('check-verdict')?.dataset.verdict).toBe('cancelled'))
    expect(screen.getByText(staffUi.check.verdict.cancelled)).toBeTruthy()
  })

  test('works offline with the keys saved on the device', async () => {
    setRequestHandler(server('valid'))
    const first = render(
      <TodayProvider value={() => '2026-11-25'}>
        <CardCheck />
      </TodayProvider>,
    )
    await waitFor(() => expect(requests.some((r) => r.url === '/api/v1/certificates/keys')).toBe(true))
    first.unmount()
    // No network at all from now on.
    setRequestHandler(() => Promise.reject({ errMsg: 'request:fail' }))
    openCheck()
    paste(signed)
    expect((await verdict()).dataset.verdict).toBe('valid')
    await waitFor(() => expect(document.getElementById('check-online')?.dataset.online).toBe('failed'))
  })
})

describe('the camera', () => {
  test('reports to the handlers of the latest render, and starts once', async () => {
    let refuse: (reason: Error) => void = () => undefined
    let starts = 0
    const mediaDevices = { getUserMedia: () => { starts++; return new Promise<MediaStream>((_, reject) => { refuse = reject }) } }
    Object.defineProperty(navigator, 'mediaDevices', { value: mediaDevices, configurable: true })
    try {
      const first: string[] = []
      const latest: string[] = []
      const { rerender } = render(<CameraScanner onDecoded={() => undefined} onNotice={(text) => first.push(text)} />)
      rerender(<CameraScanner onDecoded={() => undefined} onNotice={(text) => latest.push(text)} />)
      refuse(new Error('NotAllowedError'))
      await waitFor(() => expect(latest).toEqual([staffUi.check.cameraUnavailable]))
      expect([first, starts]).toEqual([[], 1])
    } finally {
      Reflect.deleteProperty(navigator, 'mediaDevices')
    }
  })
})
