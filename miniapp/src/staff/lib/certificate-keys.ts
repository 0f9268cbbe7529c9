import Taro from '@tarojs/taro'
import { endpoints, base64UrlDecode, certificateKeysResponseSchema } from '@huzhu/shared'
import type { z } from 'zod'
import { call } from '../../api/call'

type KeysResponse = z.infer<typeof certificateKeysResponseSchema>
export type PublicKeys = ReadonlyMap<string, Uint8Array>

/** The member-card public keys, kept on the device so a card can be checked with no network. */
const STORAGE_KEY = 'huzhu.staff.certificateKeys'

export function keysFromResponse(response: KeysResponse): PublicKeys {
  const keys = new Map<string, Uint8Array>()
  for (const { keyId, publicKey } of response.keys) {
    const bytes = base64UrlDecode(publicKey)
    if (bytes && bytes.length === 32) keys.set(keyId, bytes)
  }
  return keys
}

/** The keys saved on this device, or an empty map. */
export function cachedKeys(): PublicKeys {
  const parsed = certificateKeysResponseSchema.safeParse(Taro.getStorageSync(STORAGE_KEY))
  return parsed.success ? keysFromResponse(parsed.data) : new Map()
}

/** `GET /api/v1/certificates/keys`, saved for the next check without a network. */
export async function refreshKeys(): Promise<PublicKeys> {
  const response = await call(endpoints.certificates.getCertificateKeys)
  Taro.setStorageSync(STORAGE_KEY, response)
  return keysFromResponse(response)
}
