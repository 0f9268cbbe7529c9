/**
 * Made-up people and organisations for the demo office, the same every run:
 * ID numbers that pass their check character (GB 11643), unified social
 * credit codes that pass theirs (GB 32100), names, phones, and a small seeded
 * random number generator for everything else (never Math.random).
 */
import { creditCodeCheckCharacter, idCheckCharacter } from '@huzhu/shared'
import type { Clock } from '../clock'
import type { Db } from '../db/open'

const SURNAMES = ['王', '李', '张', '刘', '陈', '杨', '赵', '黄', '周', '吴', '徐', '孙', '马', '朱', '胡', '郭', '何', '高', '林', '罗']
const GIVEN = ['伟', '芳', '强', '磊', '静', '军', '洋', '勇', '艳', '杰', '娟', '涛', '明', '超', '霞', '平', '刚', '华', '鹏', '辉', '建国', '志强', '海燕', '晓东']

/** mulberry32: a tiny generator of numbers in [0, 1) from a 32-bit seed; the same seed gives the same sequence. */
export function seededRandom(seed: number): () => number {
  let a = seed >>> 0
  return () => {
    a = (a + 0x6d2b79f5) >>> 0
    let t = a
    t = Math.imul(t ^ (t >>> 15), t | 1)
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61)
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296
  }
}

/** A whole number in [min, max] from `random`. */
export const between = (random: () => number, min: number, max: number) => min + Math.floor(random() * (max - min + 1))

/**
 * Person n's ID number: registered in `regionCode` (a county-level GB/T 2260
 * code), born in a year in [fromYear, toYear] picked from n, a sequence number
 * from n (so two people never share one), and its check character.
 */
export function demoIdNumber(n: number, regionCode = ['610102', '610103', '610104', '610113'][n % 4]!, fromYear = 1975, toYear = 2000): string {
  const year = fromYear + ((n * 7) % (toYear - fromYear + 1))
  const birth = `${year}${String(1 + (n % 12)).padStart(2, '0')}${String(1 + ((n * 3) % 28)).padStart(2, '0')}`
  const first17 = `${regionCode}${birth}${String(n % 1000).padStart(3, '0')}`
  return first17 + idCheckCharacter(first17)
}

export const sexOf = (id: string): '男' | '女' => (Number(id[16]) % 2 === 1 ? '男' : '女')

export const demoName = (n: number) => `${SURNAMES[n % SURNAMES.length]}${GIVEN[(n * 7 + Math.floor(n / SURNAMES.length)) % GIVEN.length]}`

/** Person n's mobile number (13900000000 + n): never one of the demo accounts' 138 numbers. */
export const demoPhone = (n: number) => `139${String(n).padStart(8, '0')}`

/**
 * A unit's unified social credit code: registration authority 9 (market
 * regulation), category 1 (enterprise), the unit's region, an organisation
 * code made from n, and the check character.
 */
export function demoCreditCode(n: number, regionCode: string): string {
  const organisation = `MA${String(100_000 + n * 7919).slice(-6)}X`
  const first17 = `91${regionCode}${organisation}`.slice(0, 17)
  return first17 + creditCodeCheckCharacter(first17)
}

/** A clock that stands at 10:00 China time (02:00 UTC) on `date`, plus `minute` minutes: the office's working day. */
export function clockOn(date: string, minute = 0): Clock {
  const at = new Date(Date.parse(`${date}T02:00:00.000Z`) + minute * 60_000)
  return { now: () => at }
}

/** A made-up UnionPay debit card number for person n (19 digits, 62…), its last digit the Luhn check digit. */
export function demoCardNumber(n: number): string {
  const body = `622202${String(3700_0000_0000 + n * 7_919).slice(-12)}`
  let sum = 0
  for (let i = 0; i < body.length; i++) {
    // From the right of the full number the check digit is position 1, so the body's last digit is doubled.
    let digit = Number(body[body.length - 1 - i])
    if (i % 2 === 0) digit = digit * 2 > 9 ? digit * 2 - 9 : digit * 2
    sum += digit
  }
  return body + String((10 - (sum % 10)) % 10)
}

/**
 * Messages the office's past queued (cover active, claim paid… months ago)
 * went out at the time: marked sent, so the first start does not send a
 * hundred old notices. Those of today are left to the outbox.
 */
export async function markPastMessagesSent(db: Db, today: string): Promise<void> {
  const startOfToday = new Date(Date.parse(`${today}T00:00:00.000+08:00`)).toISOString()
  await db.updateTable('outbox').set((eb) => ({ done_at: eb.ref('created_at') }))
    .where('done_at', 'is', null).where('failed_at', 'is', null).where('created_at', '<', startOfToday).execute()
}
