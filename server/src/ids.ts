import { randomBytes } from 'node:crypto'

const ALPHABET = '0123456789ABCDEFGHJKMNPQRSTVWXYZ' // Crockford base32

function base32(bytes: Uint8Array, length: number): string {
  let bits = 0
  let value = 0
  let out = ''
  for (const byte of bytes) {
    value = (value << 8) | byte
    bits += 8
    while (bits >= 5 && out.length < length) {
      out += ALPHABET[(value >>> (bits - 5)) & 31]
      bits -= 5
    }
    value &= (1 << bits) - 1
  }
  return out
}

/**
 * A new record id: `<prefix>_` then a ULID (48-bit time in ms + 80 random bits,
 * Crockford base32), so ids sort by creation time and cannot be guessed.
 */
export function newId(prefix: string, now: Date = new Date()): string {
  let time = now.getTime()
  let timePart = ''
  for (let i = 0; i < 10; i++) {
    timePart = ALPHABET[time % 32] + timePart
    time = Math.floor(time / 32)
  }
  return `${prefix}_${timePart}${base32(randomBytes(10), 16)}`
}

/** Matches ids made by `newId` with this prefix. */
export function idPattern(prefix: string): RegExp {
  return new RegExp(`^${prefix}_[0-9A-HJKMNP-TV-Z]{26}$`)
}
