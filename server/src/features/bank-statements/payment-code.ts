import { randomInt } from 'node:crypto'

/**
 * The payment code (缴费识别码) a payer writes in a bank transfer's memo (附言):
 * `HZ` and 8 characters of an alphabet without 0/O, 1/I/L (the event codes'
 * alphabet: 31 characters, a prime number of them), the last a check
 * character. With weights 1…8, the weighted sum of the 8 characters' values is
 * 0 modulo 31, so any one character typed wrong, and any two characters
 * swapped, makes a code that is not one. 7 random characters: 31^7 ≈ 2.7 × 10^10
 * codes; uniqueness is kept by the table's primary key (a clash draws again).
 */
export const PAYMENT_CODE_ALPHABET = '23456789ABCDEFGHJKMNPQRSTUVWXYZ'
const BASE = PAYMENT_CODE_ALPHABET.length
const PREFIX = 'HZ'
const RANDOM_CHARACTERS = 7
const VALUE = new Map(Array.from(PAYMENT_CODE_ALPHABET, (c, i) => [c, i]))
/** 8 × 4 = 32 ≡ 1 (mod 31): dividing by the last weight. */
const INVERSE_OF_LAST_WEIGHT = 4

function weightedSum(characters: string): number {
  let sum = 0
  for (let i = 0; i < characters.length; i++) sum += (i + 1) * VALUE.get(characters[i]!)!
  return sum % BASE
}

/** The character that makes the weighted sum of `body` and itself 0 modulo 31. */
export function checkCharacter(body: string): string {
  return PAYMENT_CODE_ALPHABET[((BASE - weightedSum(body)) * INVERSE_OF_LAST_WEIGHT) % BASE]!
}

/** A fresh code, e.g. `HZ7K3M9QXP` (`random(n)`: a uniform integer below n). */
export function newPaymentCode(random: (below: number) => number = randomInt): string {
  let body = ''
  for (let i = 0; i < RANDOM_CHARACTERS; i++) body += PAYMENT_CODE_ALPHABET[random(BASE)]
  return `${PREFIX}${body}${checkCharacter(body)}`
}

const SHAPE = /^HZ[2-9A-HJKMNP-Z]{8}$/

/** Whether `text` is a code whose check character holds (exactly, as the server writes it). */
export function isPaymentCode(text: string): boolean {
  return SHAPE.test(text) && weightedSum(text.slice(PREFIX.length)) === 0
}

/**
 * The codes in a memo as a bank passes it on: full-width characters (NFKC),
 * lower case, and spaces or hyphens inside the code are all allowed
 * (`hz 7k3m-9qxp 张三`). Only codes whose check character holds are returned,
 * each once, in the order written.
 */
export function paymentCodesIn(memo: string): string[] {
  const text = memo.normalize('NFKC').toUpperCase().replace(/[\s-]+/g, '')
  const found: string[] = []
  for (const m of text.matchAll(/HZ(?=([2-9A-HJKMNP-Z]{8}))/g)) {
    const code = `${PREFIX}${m[1]}`
    if (isPaymentCode(code) && !found.includes(code)) found.push(code)
  }
  return found
}
