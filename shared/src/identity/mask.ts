/**
 * Masks for sensitive personal information, shown to everyone but the member
 * and a reviewer who needs the full value.
 */

/** `610102199001011234` → `6101**********1234`. */
export function maskIdNumber(id: string): string {
  if (id.length <= 8) return '*'.repeat(id.length)
  return `${id.slice(0, 4)}${'*'.repeat(id.length - 8)}${id.slice(-4)}`
}

/**
 * `1990-01-01` → `1990-**-**`: beside a masked ID number only the year. The full
 * date is 8 of the 10 hidden digits; with the check digit shown, it would narrow
 * the number down to a couple of candidates.
 */
export function maskBirthDate(date: string): string {
  return `${date.slice(0, 4)}-**-**`
}

/** `13812345678` → `138****5678`. */
export function maskMobile(mobile: string): string {
  if (mobile.length < 7) return '*'.repeat(mobile.length)
  return `${mobile.slice(0, 3)}${'*'.repeat(mobile.length - 7)}${mobile.slice(-4)}`
}

/** `张三` → `张*`, `欧阳娜娜` → `欧***`. The family name stays, the rest is hidden. */
export function maskName(name: string): string {
  const chars = Array.from(name)
  if (chars.length <= 1) return name
  return chars[0] + '*'.repeat(chars.length - 1)
}
