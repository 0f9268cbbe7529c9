import { createDecipheriv, hkdfSync, randomBytes } from 'node:crypto'
import { createDataProtector } from './protector'

describe('data protector', () => {
  const protector = createDataProtector(randomBytes(32))

  test('encrypts with a fresh IV each time and decrypts in the same context', () => {
    const a = protector.encrypt('11010519491231002X', 'ctx:1')
    const b = protector.encrypt('11010519491231002X', 'ctx:1')
    expect(a).toMatch(/^v1\.[\w-]{16}\.[\w-]+\.[\w-]{22}$/)
    expect(a).not.toBe(b)
    expect(a).not.toContain('1101051949')
    expect(protector.decrypt(a, 'ctx:1')).toBe('11010519491231002X')
  })

  test('never uses an IV twice, across the batches IVs are drawn in', () => {
    const texts = Array.from({ length: 1_500 }, (_, i) => protector.encrypt(`row ${i}`, 'ctx:iv'))
    const ivs = new Set(texts.map((t) => t.split('.')[1]))
    expect(ivs.size).toBe(texts.length)
    expect(texts.map((t) => protector.decrypt(t, 'ctx:iv'))).toEqual(texts.map((_, i) => `row ${i}`))
  })

  test('refuses another context, a tampered ciphertext, another key, an unknown version', () => {
    const text = protector.encrypt('13812345678', 'users.phone:usr_1')
    expect(() => protector.decrypt(text, 'users.phone:usr_2')).toThrow()
    const [v, iv, body, tag] = text.split('.') as [string, string, string, string]
    const flipped = Buffer.from(body, 'base64url')
    flipped[0] = flipped[0]! ^ 1
    expect(() => protector.decrypt([v, iv, flipped.toString('base64url'), tag].join('.'), 'users.phone:usr_1')).toThrow()
    expect(() => createDataProtector(randomBytes(32)).decrypt(text, 'users.phone:usr_1')).toThrow()
    expect(() => protector.decrypt(`v9.${iv}.${body}.${tag}`, 'users.phone:usr_1')).toThrow(/format/)
  })

  test('keyed hashes are stable per key and purpose, and differ across keys and purposes', () => {
    const other = createDataProtector(randomBytes(32))
    expect(protector.hash('phone', '13812345678')).toBe(protector.hash('phone', '13812345678'))
    expect(protector.hash('phone', '13812345678')).not.toBe(protector.hash('id_number', '13812345678'))
    expect(protector.hash('phone', '13812345678')).not.toBe(other.hash('phone', '13812345678'))
  })

  test('opens what was stored before and hashes as before (values written by an earlier version under a known key)', () => {
    const known = createDataProtector(Buffer.alloc(32, 7))
    expect(known.decrypt('v1.UmWXXwgesDBL_kHT.pfDcZzDUHwTpylh6inZuPSvF.YIE-EC1OaYETp4lRrDcFRg', 'insured_persons.id_number:per_1')).toBe('11010519491231002X')
    expect(known.hash('id_number', '11010519491231002X')).toBe('qACtt4mOJ90O4hQBsHwhqc87c0zHLUjWycJgo0z8gcA')
    expect(known.hash('phone', '13812345678')).toBe('YeIL9_XhWhxPT6gUGHDtWts077uXQ3Q7YM8E8Nu0SZI')
    // And what is written now opens by the format's definition: AES-256-GCM under the HKDF-derived key, the context as AAD.
    const sealed = known.encrypt('13812345678', 'users.phone:usr_1')
    expect(sealed).toMatch(/^v1\.[\w-]{16}\.[\w-]{15}\.[\w-]{22}$/)
    const [, iv, body, tag] = sealed.split('.') as [string, string, string, string]
    const key = Buffer.from(hkdfSync('sha256', Buffer.alloc(32, 7), Buffer.alloc(0), 'huzhu/aes-256-gcm/v1', 32))
    const decipher = createDecipheriv('aes-256-gcm', key, Buffer.from(iv, 'base64url'))
    decipher.setAAD(Buffer.from('users.phone:usr_1'))
    decipher.setAuthTag(Buffer.from(tag, 'base64url'))
    expect(Buffer.concat([decipher.update(Buffer.from(body, 'base64url')), decipher.final()]).toString()).toBe('13812345678')
  })

  test('needs a 32-byte key', () => {
    expect(() => createDataProtector(randomBytes(16))).toThrow()
  })
})
