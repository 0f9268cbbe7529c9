import fc from 'fast-check'
import { base64UrlDecode, base64UrlEncode, utf8Decode, utf8Encode } from './encoding'
import { signCertificate, signingKeyFromSeed, verifyCertificate, type CertificatePayload } from './certificate'

const key = signingKeyFromSeed('k1', new Uint8Array(32).fill(7))
const keys = new Map([['k1', key.publicKey]])
const payload: CertificatePayload = {
  e: 'enr_01', n: '张*', i: '6101**********1234', c: 'shanghai-2020', p: ['A0', 'B0', 'C0'],
  s: '2020-04-01', u: '2021-03-31', k: 'k1', t: '2020-03-20',
}

describe('member card certificate', () => {
  const token = signCertificate(payload, key)

  test('verifies offline and reports the cover state on the day', () => {
    expect(verifyCertificate(token, keys, '2020-06-01')).toEqual({ ok: true, payload, status: 'valid' })
    expect(verifyCertificate(token, keys, '2020-03-31')).toMatchObject({ ok: true, status: 'not_started' })
    expect(verifyCertificate(token, keys, '2021-04-01')).toMatchObject({ ok: true, status: 'expired' })
  })

  test('fits a QR code comfortably', () => {
    expect(token.length).toBeLessThan(400)
  })

  test('refuses a tampered payload: another end date with the old signature', () => {
    const [prefix, , signature] = token.split('.')
    const forged = base64UrlEncode(utf8Encode(JSON.stringify({ ...payload, u: '2030-03-31' })))
    expect(verifyCertificate(`${prefix}.${forged}.${signature}`, keys, '2020-06-01')).toEqual({ ok: false, code: 'certificate_invalid' })
  })

  test('refuses a card signed by an unknown key', () => {
    const other = signingKeyFromSeed('k1', new Uint8Array(32).fill(9))
    expect(verifyCertificate(signCertificate(payload, other), keys, '2020-06-01').ok).toBe(false)
  })

  test('never throws on garbage', () => {
    fc.assert(fc.property(fc.string(), (text) => {
      expect(verifyCertificate(text, keys, '2020-06-01').ok).toBe(false)
    }), { numRuns: 1000 })
    expect(verifyCertificate('HZ1.e30.AAAA', keys, '2020-06-01').ok).toBe(false)
  })
})

describe('encoding', () => {
  test('UTF-8 and base64url round-trip any text', () => {
    fc.assert(fc.property(fc.string({ unit: 'grapheme' }), (text) => {
      const bytes = utf8Encode(text)
      expect(Buffer.from(bytes).toString('utf8')).toBe(text)
      expect(utf8Decode(bytes)).toBe(text)
      const b64 = base64UrlEncode(bytes)
      expect(b64).toBe(Buffer.from(bytes).toString('base64url'))
      expect(base64UrlDecode(b64)).toEqual(bytes)
    }), { numRuns: 1000 })
  })

  test('malformed input decodes to null', () => {
    expect(utf8Decode(Uint8Array.from([0xe4, 0xb8]))).toBeNull()
    expect(utf8Decode(Uint8Array.from([0xff]))).toBeNull()
    expect(base64UrlDecode('a')).toBeNull()
    expect(base64UrlDecode('ab+c')).toBeNull()
  })
})
