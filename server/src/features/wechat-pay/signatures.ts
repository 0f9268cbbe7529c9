import { createCipheriv, createDecipheriv, createSign, createVerify, randomBytes, type KeyObject } from 'node:crypto'

/**
 * WeChat Pay API v3's cryptography, on node:crypto (SHA256-RSA2048 signatures,
 * AEAD_AES_256_GCM resources). Pure functions: the merchant's client and the
 * tests' fake of WeChat Pay both use them, each with its own keys.
 * https://pay.weixin.qq.com/doc/v3/merchant/4012365334 (签名), 4012071382 (验签), 4012071382 (回调解密)
 */

export const AUTH_SCHEMA = 'WECHATPAY2-SHA256-RSA2048'

export function signMessage(lines: readonly string[], privateKey: KeyObject): string {
  return createSign('RSA-SHA256').update(lines.map((l) => `${l}\n`).join('')).sign(privateKey, 'base64')
}

export function verifyMessage(lines: readonly string[], signature: string, publicKey: KeyObject): boolean {
  try {
    return createVerify('RSA-SHA256').update(lines.map((l) => `${l}\n`).join('')).verify(publicKey, signature, 'base64')
  } catch {
    return false
  }
}

export const newNonce = () => randomBytes(16).toString('hex').toUpperCase()

/** The `Authorization` header of a request: method, path with query, timestamp, nonce and body, signed with the merchant key. */
export function authorization(input: { mchid: string; serialNo: string; privateKey: KeyObject; method: string; pathAndQuery: string; body: string; timestamp: number; nonce: string }): string {
  const signature = signMessage([input.method, input.pathAndQuery, String(input.timestamp), input.nonce, input.body], input.privateKey)
  return `${AUTH_SCHEMA} mchid="${input.mchid}",nonce_str="${input.nonce}",signature="${signature}",timestamp="${input.timestamp}",serial_no="${input.serialNo}"`
}

/** Parses an `Authorization` header into its fields (undefined when it is not WeChat Pay's schema). */
export function parseAuthorization(header: string | undefined): Record<string, string> | undefined {
  if (!header?.startsWith(`${AUTH_SCHEMA} `)) return undefined
  const fields: Record<string, string> = {}
  for (const match of header.slice(AUTH_SCHEMA.length + 1).matchAll(/(\w+)="([^"]*)"/g)) fields[match[1]!] = match[2]!
  return fields
}

/** Headers WeChat Pay signs its answers and notices with. */
export interface SignedHeaders {
  timestamp: string
  nonce: string
  signature: string
  serial: string
}

/** The headers of a body signed by WeChat Pay's platform key (what the fake sends). */
export function signedHeaders(body: string, privateKey: KeyObject, serial: string, timestamp: number, nonce = newNonce()): Record<string, string> {
  return {
    'Wechatpay-Timestamp': String(timestamp),
    'Wechatpay-Nonce': nonce,
    'Wechatpay-Signature': signMessage([String(timestamp), nonce, body], privateKey),
    'Wechatpay-Serial': serial,
  }
}

/** Whether a body came from WeChat Pay: the platform key's id, a signature over timestamp, nonce and body, and a fresh timestamp. */
export function verifySigned(body: string, headers: SignedHeaders, platform: { publicKey: KeyObject; keyId: string }, nowSeconds: number, maxSkewSeconds = 300): boolean {
  if (headers.serial !== platform.keyId) return false
  const timestamp = Number(headers.timestamp)
  if (!Number.isInteger(timestamp) || Math.abs(nowSeconds - timestamp) > maxSkewSeconds) return false
  return verifyMessage([headers.timestamp, headers.nonce, body], headers.signature, platform.publicKey)
}

/** An encrypted resource of a notice (AEAD_AES_256_GCM with the APIv3 key). */
export interface EncryptedResource {
  algorithm: string
  ciphertext: string
  associated_data?: string
  nonce: string
  original_type?: string
}

export function encryptResource(plaintext: string, apiV3Key: string, associatedData: string, nonce = randomBytes(6).toString('hex')): EncryptedResource {
  const cipher = createCipheriv('aes-256-gcm', Buffer.from(apiV3Key, 'utf8'), Buffer.from(nonce, 'utf8'))
  cipher.setAAD(Buffer.from(associatedData, 'utf8'))
  const body = Buffer.concat([cipher.update(plaintext, 'utf8'), cipher.final(), cipher.getAuthTag()])
  return { algorithm: 'AEAD_AES_256_GCM', ciphertext: body.toString('base64'), associated_data: associatedData, nonce, original_type: 'transaction' }
}

/** Decrypts a notice's resource; throws when the key, nonce, data or tag do not fit. */
export function decryptResource(resource: EncryptedResource, apiV3Key: string): string {
  if (resource.algorithm !== 'AEAD_AES_256_GCM') throw new Error(`unknown algorithm ${resource.algorithm}`)
  const data = Buffer.from(resource.ciphertext, 'base64')
  if (data.length < 17) throw new Error('ciphertext too short')
  const decipher = createDecipheriv('aes-256-gcm', Buffer.from(apiV3Key, 'utf8'), Buffer.from(resource.nonce, 'utf8'))
  decipher.setAAD(Buffer.from(resource.associated_data ?? '', 'utf8'))
  decipher.setAuthTag(data.subarray(data.length - 16))
  return Buffer.concat([decipher.update(data.subarray(0, data.length - 16)), decipher.final()]).toString('utf8')
}
