import { createCipheriv, createDecipheriv, createHmac, hkdfSync, randomBytes } from 'node:crypto'

/**
 * Protection for sensitive personal information (ID numbers, phones) at rest:
 * AES-256-GCM with a random 96-bit IV, and a keyed hash (HMAC-SHA-256) to find
 * a record by value without storing the value. Both keys are derived (HKDF)
 * from the one configured data key, so one secret to keep.
 *
 * Ciphertext format, versioned so keys and algorithms can change:
 * `v1.<iv>.<ciphertext>.<tag>` (base64url). `context` is bound as additional
 * authenticated data: a ciphertext copied to another column or row fails to open.
 */
export interface DataProtector {
  encrypt(plaintext: string, context: string): string
  decrypt(ciphertext: string, context: string): string
  /** Deterministic keyed hash of a value, for lookups; `purpose` separates e.g. phones from ID numbers. */
  hash(purpose: string, value: string): string
}

const VERSION = 'v1'

function derive(rootKey: Buffer, info: string): Buffer {
  return Buffer.from(hkdfSync('sha256', rootKey, Buffer.alloc(0), `huzhu/${info}`, 32))
}

export function createDataProtector(rootKey: Buffer): DataProtector {
  if (rootKey.length !== 32) throw new Error('the data key must be 32 bytes')
  const encryptionKey = derive(rootKey, 'aes-256-gcm/v1')
  const hashKey = derive(rootKey, 'lookup-hmac/v1')
  return {
    encrypt(plaintext, context) {
      const iv = randomBytes(12)
      const cipher = createCipheriv('aes-256-gcm', encryptionKey, iv)
      cipher.setAAD(Buffer.from(context, 'utf8'))
      const body = Buffer.concat([cipher.update(plaintext, 'utf8'), cipher.final()])
      return [VERSION, iv.toString('base64url'), body.toString('base64url'), cipher.getAuthTag().toString('base64url')].join('.')
    },
    decrypt(ciphertext, context) {
      const [version, iv, body, tag] = ciphertext.split('.')
      if (version !== VERSION || iv === undefined || body === undefined || tag === undefined) {
        throw new Error('unknown ciphertext format')
      }
      const decipher = createDecipheriv('aes-256-gcm', encryptionKey, Buffer.from(iv, 'base64url'))
      decipher.setAAD(Buffer.from(context, 'utf8'))
      decipher.setAuthTag(Buffer.from(tag, 'base64url'))
      return Buffer.concat([decipher.update(Buffer.from(body, 'base64url')), decipher.final()]).toString('utf8')
    },
    hash(purpose, value) {
      return createHmac('sha256', hashKey).update(`${purpose}\u0000${value}`, 'utf8').digest('base64url')
    },
  }
}
