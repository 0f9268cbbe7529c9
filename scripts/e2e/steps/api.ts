import { spawnSync } from 'node:child_process'
import { randomUUID } from 'node:crypto'
import { join } from 'node:path'
import { addDays, endpoints, pathOf } from '@huzhu/shared'
import { repoRoot } from '../server-process'
import { idNumber, plainPng } from './files'

/**
 * The API as the staff end-to-end runs use it for set-up: what a story does not
 * show on screen (accounts, roles, a unit, a rider enrolled weeks ago, a claim)
 * is made here, through the same endpoints the app calls.
 */
export const SMS_CODE = '246810'
export const CATALOGUE = 'shaanxi-gig-2023'

export const phones = {
  admin: '13800000001',
  staff: '13800000002',
  reviewer: '13800000003',
  unitAdmin: '13800000004',
  rider: '13900000010',
} as const

export interface CallOptions {
  token?: string
  body?: unknown
  raw?: Buffer
  type?: string
  headers?: Record<string, string>
}

/** One API call; anything but 2xx throws with the server's answer. */
export async function call<T = unknown>(base: string, method: string, path: string, options: CallOptions = {}): Promise<T> {
  const headers: Record<string, string> = { Accept: 'application/json', ...options.headers }
  if (options.token) headers.Authorization = `Bearer ${options.token}`
  let body: Uint8Array | string | undefined
  if (options.raw) {
    body = new Uint8Array(options.raw)
    headers['Content-Type'] = options.type ?? 'application/octet-stream'
  } else if (options.body !== undefined) {
    body = JSON.stringify(options.body)
    headers['Content-Type'] = 'application/json'
  }
  const response = await fetch(base + path, { method, headers, ...(body !== undefined ? { body: body as BodyInit } : {}) })
  const text = await response.text()
  if (!response.ok) throw new Error(`${method} ${path} → ${response.status} ${text}`)
  return (text === '' ? undefined : JSON.parse(text)) as T
}

/** Logs in by SMS (the server's fixed test code). */
export async function login(base: string, phone: string): Promise<{ token: string; userId: string }> {
  await call(base, 'POST', pathOf(endpoints.auth.sendSmsCode), { body: { phone } })
  const session = await call<{ token: string; user: { id: string } }>(base, 'POST', pathOf(endpoints.auth.createSmsSession), { body: { phone, code: SMS_CODE } })
  return { token: session.token, userId: session.user.id }
}

/** The first administrator, made by the server's CLI on the run's data folder. */
export function createAdmin(dataDir: string, env: Record<string, string>): void {
  const result = spawnSync(process.execPath, ['--import', 'tsx', 'src/cli/create-admin.ts', '--phone', phones.admin], {
    cwd: join(repoRoot, 'server'),
    env: { ...process.env, NODE_ENV: 'test', HUZHU_DATA_DIR: dataDir, ...env },
    encoding: 'utf8',
  })
  if (result.status !== 0) throw new Error(`create-admin failed: ${result.stderr}${result.stdout}`)
}

export interface Office {
  unitId: string
  tokens: { admin: string; staff: string; reviewer: string; unitAdmin: string }
}

/** The office: an admin, a unit (catalogue and product chosen), staff, a reviewer and the unit's admin. */
export async function setUpOffice(base: string): Promise<Office> {
  const admin = await login(base, phones.admin)
  await fillOwnProfile(base, admin.token, { name: '管理员老王', idNumber: idNumber('1975-05-05', 903), mobile: phones.admin }, OFFICE_WORK)
  const name = '雁塔区快递行业工会联合会'
  const { id: unitId } = await call<{ id: string }>(base, 'POST', pathOf(endpoints.units.createUnit), { token: admin.token, body: { name } })
  await call(base, 'PUT', pathOf(endpoints.units.putUnit, { unitId }), { token: admin.token, body: { name, catalogueId: CATALOGUE, products: ['ZY'], fundingSource: 'unit' } })
  const grant = async (who: 'staff' | 'reviewer' | 'unitAdmin', role: string, unit?: string) => {
    const session = await login(base, phones[who])
    // Whoever handles claims does so with their own real-name profile (never on their own cover).
    if (who !== 'unitAdmin') await fillOwnProfile(base, session.token, { name: who === 'staff' ? '办事处小刘' : '审核员老周', idNumber: idNumber('1980-01-01', who === 'staff' ? 901 : 902), mobile: phones[who] }, OFFICE_WORK)
    await call(base, 'POST', pathOf(endpoints.users.grantUserRole, { userId: session.userId }), { token: admin.token, body: { role, ...(unit ? { unitId: unit } : {}) } })
    return session.token
  }
  const tokens = { admin: admin.token, staff: await grant('staff', 'staff'), reviewer: await grant('reviewer', 'reviewer'), unitAdmin: await grant('unitAdmin', 'unit_admin', unitId) }
  return { unitId, tokens }
}

/** What the office's own people put in their profile's work fields. */
const OFFICE_WORK = { occupation: 'other', platform: '西安市总工会' }

/** The sensitive-information consent and the real-name profile, as the app sends them (a rider by default). */
export async function fillOwnProfile(
  base: string, token: string, person: { name: string; idNumber: string; mobile: string },
  work: { occupation: string; platform: string } = { occupation: 'food_delivery', platform: '美团外卖' },
): Promise<void> {
  await call(base, 'POST', pathOf(endpoints.consents.giveMyConsent), { token, body: { kind: 'sensitive_personal_info', textVersion: '2026-11-01' } })
  await call(base, 'PUT', pathOf(endpoints.members.putMyProfile), { token, body: { ...person, ...work, basicMedicalInsurance: true, unionMember: true } })
}

/**
 * A rider who logged in, gave the consent, filled the real-name profile and
 * enrolled (ZY), and whose premium staff confirmed: cover from the server's today.
 */
export async function enrolledRider(base: string, staffToken: string, person: { name: string; idNumber: string }): Promise<{ token: string; enrolmentId: string }> {
  const { token } = await login(base, phones.rider)
  await fillOwnProfile(base, token, { ...person, mobile: phones.rider })
  const enrolment = await call<{ id: string; catalogueId: string; premiumFen: number }>(base, 'POST', pathOf(endpoints.enrolments.createMyEnrolment), { token, body: { catalogueId: CATALOGUE, products: ['ZY'] } })
  await call(base, 'POST', pathOf(endpoints.payments.createPayment), {
    token: staffToken,
    body: { catalogueId: enrolment.catalogueId, reference: 'ZZ20261001001', amountFen: enrolment.premiumFen, enrolmentIds: [enrolment.id] },
  })
  return { token, enrolmentId: enrolment.id }
}

/** The signed payload of a rider's member card (what its QR code holds). */
export async function cardPayload(base: string, riderToken: string, enrolmentId: string): Promise<string> {
  return (await call<{ payload: string }>(base, 'GET', pathOf(endpoints.certificates.getCertificate, { enrolmentId }), { token: riderToken })).payload
}

/** The rider's demo bank card (a UnionPay number whose Luhn check digit holds). */
export const RIDER_CARD = '6222021234567890128'

/** The rider's default payee account: one added the first time (the card above, in the profile's name). */
export async function payeeAccountOf(base: string, riderToken: string, accountNumber = RIDER_CARD): Promise<string> {
  const list = await call<{ accounts: { id: string; isDefault: boolean }[]; holderName: string }>(base, 'GET', pathOf(endpoints.payeeAccounts.listMyPayeeAccounts), { token: riderToken })
  const own = list.accounts.find((a) => a.isDefault)
  if (own) return own.id
  const added = await call<{ id: string }>(base, 'POST', pathOf(endpoints.payeeAccounts.addMyPayeeAccount), {
    token: riderToken, body: { holderName: list.holderName, bankName: '中国工商银行西安雁塔支行', accountNumber },
  })
  return added.id
}

/**
 * A hospital stay three days ago, claimed with one invoice photo and paid to the
 * rider's default account (added the first time); the engine's estimate comes back with it.
 */
export async function submittedClaim(base: string, riderToken: string, enrolmentId: string, today: string, options: { invoiceNumber?: string; diagnosis?: string } = {}): Promise<{ id: string; estimate: { totalFen: number } }> {
  await call(base, 'POST', pathOf(endpoints.consents.giveMyConsent), { token: riderToken, body: { kind: 'medical_data', textVersion: '2026-11-01' } })
  const upload = await call<{ id: string }>(base, 'POST', pathOf(endpoints.uploads.createUpload), { token: riderToken, raw: plainPng(320, 240), type: 'image/png' })
  return call(base, 'POST', pathOf(endpoints.claims.createClaim), {
    token: riderToken,
    headers: { 'Idempotency-Key': randomUUID() },
    body: {
      enrolmentId,
      kind: 'inpatient',
      eventDate: addDays(today, -3),
      diagnosis: options.diagnosis ?? '右胫骨骨折',
      hospital: '西安市红会医院',
      figures: { totalCostFen: 1_500_000, pooledOutOfPocketFen: 800_000, supplementaryOutOfPocketFen: 200_000, hospitalDays: 6 },
      invoiceNumbers: [options.invoiceNumber ?? '61002611250001'],
      documents: [{ uploadId: upload.id, kind: 'invoice' }],
      payeeAccountId: await payeeAccountOf(base, riderToken),
    },
  })
}

/** One API call that does not throw: the status and the decoded body, for a story that checks the status itself. */
export async function answer<T = unknown>(base: string, method: string, path: string, options: Pick<CallOptions, 'token' | 'body'> = {}): Promise<{ status: number; body: T }> {
  const response = await fetch(base + path, {
    method,
    headers: { Accept: 'application/json', ...(options.token ? { Authorization: `Bearer ${options.token}` } : {}), ...(options.body !== undefined ? { 'Content-Type': 'application/json' } : {}) },
    ...(options.body !== undefined ? { body: JSON.stringify(options.body) } : {}),
  })
  const text = await response.text()
  return { status: response.status, body: (text === '' ? null : JSON.parse(text)) as T }
}
