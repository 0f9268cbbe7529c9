import { idCheckCharacter, type Occupation } from '@huzhu/shared'
import type { TestUser } from './login'
import type { TestApp } from './test-app'

let idCounter = 0

/**
 * A valid resident ID number not used before in this process (check character
 * computed), encoding the sex and birth date asked for. Region codes are not
 * checked by the rules, so the counter moves through them for uniqueness.
 */
export function freshIdNumber(options: { sex?: 'M' | 'F'; birthDate?: string } = {}): string {
  idCounter += 1
  const region = String(110000 + Math.floor(idCounter / 500))
  const n = idCounter % 500
  const order = String(Math.floor(n / 5)).padStart(2, '0')
  const sexDigit = (n % 5) * 2 + (options.sex === 'F' ? 0 : 1)
  const first17 = `${region}${(options.birthDate ?? '1990-01-01').replace(/-/g, '')}${order}${sexDigit}`
  return first17 + idCheckCharacter(first17)
}

export interface ProfileFields {
  name?: string
  idNumber?: string
  mobile?: string
  occupation?: Occupation
  platform?: string
  basicMedicalInsurance?: boolean
  unionMember?: boolean
}

/**
 * Gives the sensitive-information consent and fills in the user's real-name
 * profile over HTTP (a fresh ID number unless given). Returns the saved profile.
 */
export async function fillProfile(app: TestApp, user: TestUser, fields: ProfileFields = {}): Promise<Record<string, unknown>> {
  const consent = await app.api.post('/api/v1/me/consents', { kind: 'sensitive_personal_info', textVersion: 'test' }, { token: user.token })
  if (consent.status !== 201) throw new Error(`consents answered ${consent.status}: ${consent.text}`)
  const body = {
    name: '测试会员', idNumber: freshIdNumber(), mobile: user.phone, occupation: 'food_delivery', platform: '测试平台',
    basicMedicalInsurance: true, unionMember: true, ...fields,
  }
  const res = await app.api.put('/api/v1/me/profile', body, { token: user.token })
  if (res.status !== 200) throw new Error(`profile answered ${res.status}: ${res.text}`)
  return res.body as Record<string, unknown>
}
