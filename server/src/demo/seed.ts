/**
 * Demo data for `npm start` (HUZHU_DEMO_DATA=1, never in production): seeded
 * once, into a database without accounts, through the same services as the API.
 *
 *   13800000001 admin · 13800000002 staff (办事处) · 13800000003 reviewer (审核)
 *   13800000004 unit admin of 碑林区外卖骑手站 · 13800000005, 13800000006 members
 *   with a real-name profile and active cover through that unit's roster
 *
 * Sign in with any of them by SMS code (the console provider prints it; with
 * SMS_FIXED_CODE set, that code). The claims seeder (demo/claims.ts) can run
 * after this one: it needs the members with active cover made here.
 */
import { rmSync, writeFileSync } from 'node:fs'
import ExcelJS from 'exceljs'
import { addDays, idCheckCharacter, parseIdNumber, rosterHeaders, type RosterCell } from '@huzhu/shared'
import { nowIso, todayInChina, type Clock } from '../clock'
import type { Config } from '../config'
import type { DataProtector } from '../crypto/protector'
import type { Db } from '../db/open'
import { newId } from '../ids'
import { unwrap } from '../outcome'
import { grantRole } from '../features/accounts/roles.service'
import { findOrCreatePhoneUser } from '../features/accounts/sessions.service'
import type { CatalogueStore } from '../features/catalogues/catalogue-store'
import { catalogueOr422, unitModeFor } from '../features/enrolments/enrolments.service'
import { createEvent } from '../features/events/events.service'
import { giveConsent } from '../features/members/consents.service'
import { saveOwnProfile } from '../features/members/profile.service'
import { confirmPayment } from '../features/payments/payments.service'
import { checkRosterFile } from '../features/rosters/roster-check.service'
import { importRosterFile } from '../features/rosters/roster-import.service'
import { storeRosterFiles } from '../features/rosters/roster-files'
import { openStaging } from '../features/rosters/roster-staging'
import { insertRoster } from '../features/rosters/rosters.repository'
import { unitOr404 } from '../features/units/units.service'
import { createUnitRecord } from '../features/units/unit-record.service'
import type { BlobStore } from '../files/blob-store'
import { tempFilePath } from '../files/temp-files'

export interface DemoDeps {
  clock: Clock
  protector: DataProtector
  catalogues: CatalogueStore
  config: Config
  blobs: BlobStore
}

export const DEMO_PHONES = {
  admin: '13800000001', staff: '13800000002', reviewer: '13800000003', unitAdmin: '13800000004', members: ['13800000005', '13800000006'],
} as const

const CATALOGUE = 'shaanxi-gig-2023'
const SURNAMES = ['王', '李', '张', '刘', '陈', '杨', '赵', '黄', '周', '吴', '徐', '孙']
const GIVEN = ['伟', '芳', '强', '磊', '静', '军', '洋', '勇', '艳', '杰', '娟', '涛']
const OCCUPATIONS = ['外卖员', '快递员', '网约车司机', '货车司机']

/** A valid, made-up ID number (Xi'an districts, born 1975–2000), the same every run. */
function demoIdNumber(n: number): string {
  const region = ['610102', '610103', '610104', '610113'][n % 4]!
  const birth = `${1975 + (n * 7) % 26}${String(1 + (n % 12)).padStart(2, '0')}${String(1 + (n * 3) % 28).padStart(2, '0')}`
  const first17 = `${region}${birth}${String(100 + n).slice(-3)}`
  return first17 + idCheckCharacter(first17)
}

const sexOf = (id: string) => (Number(id[16]) % 2 === 1 ? '男' : '女')

const demoName = (n: number) => `${SURNAMES[n % SURNAMES.length]}${GIVEN[(n * 5) % GIVEN.length]}`

/** Roster row n; the demo members' rows carry the phones they sign in with (their unit registered them), so their accounts are linked to their cover. */
function demoRow(n: number, platform: string): RosterCell[] {
  const id = demoIdNumber(n)
  const phone = DEMO_PHONES.members[n - 1] ?? `1390000${String(1000 + n).slice(-4)}`
  return [n, demoName(n), sexOf(id), id, phone, OCCUPATIONS[n % OCCUPATIONS.length]!, platform, '是', 'ZY', 1, '']
}

async function writeRosterFile(path: string, rows: RosterCell[][]): Promise<void> {
  const workbook = new ExcelJS.Workbook()
  const sheet = workbook.addWorksheet('参保名单')
  sheet.getColumn(4).numFmt = '@'
  sheet.getColumn(5).numFmt = '@'
  sheet.addRow([...rosterHeaders])
  for (const row of rows) sheet.addRow(row)
  writeFileSync(path, Buffer.from(await workbook.xlsx.writeBuffer()))
}

/** A unit's roster accepted `acceptedOn`, checked and imported like an upload. */
async function importDemoRoster(db: Db, deps: DemoDeps, unitId: string, createdBy: string, rows: RosterCell[][], acceptedOn: string): Promise<void> {
  const catalogue = catalogueOr422(deps.catalogues, CATALOGUE)
  const mode = unitModeFor(catalogue, acceptedOn)
  const id = newId('rst', deps.clock.now())
  // Written and checked in the temporary area like an upload, imported from there, then kept in the blob store.
  const path = tempFilePath(deps.config.dataDir, 'demo-roster')
  const staging = tempFilePath(deps.config.dataDir, 'demo-roster-rows')
  try {
    await writeRosterFile(path, rows)
    const today = todayInChina(deps.clock)
    const checked = await checkRosterFile(db, deps.protector, deps.catalogues, path, catalogue, mode, today, acceptedOn, openStaging(staging, deps.protector, id))
    const row = {
      id, unit_id: unitId, catalogue_id: CATALOGUE, file_name: '参保名单（演示）.xlsx', file_sha256: 'demo', mode, accepted_on: acceptedOn, status: 'checked',
      row_count: checked.rowCount, valid_count: checked.validCount, errors: JSON.stringify(checked.errors), imported_count: null, premium_fen: null,
      created_by: createdBy, created_at: nowIso(deps.clock), imported_at: null,
    }
    await insertRoster(db, row)
    await importRosterFile(db, deps, row, await unitOr404(db, unitId), { staging }, today, true, createdBy)
    await storeRosterFiles(deps.blobs, id, { xlsx: path, staging })
  } finally {
    rmSync(path, { force: true })
    rmSync(staging, { force: true })
  }
}

/**
 * Seeds the demo, all in one transaction, when the database has no account yet;
 * returns false (and changes nothing) otherwise. Extend it by adding steps to
 * `seedSteps` (they get the transaction).
 */
export async function seedDemoData(db: Db, deps: DemoDeps): Promise<boolean> {
  if (deps.config.isProduction) throw new Error('demo data is never seeded in production')
  return db.transaction().execute(async (trx) => {
    if (await trx.selectFrom('users').select('id').limit(1).executeTakeFirst()) return false
    await seedSteps(trx, deps)
    return true
  })
}

async function seedSteps(db: Db, deps: DemoDeps): Promise<void> {
  const today = todayInChina(deps.clock)
  const user = async (phone: string) => (await findOrCreatePhoneUser(db, deps, phone)).id
  const grant = (userId: string, role: 'admin' | 'staff' | 'reviewer' | 'unit_admin', unitId: string | null = null) =>
    grantRole(db, deps.clock, { userId, role, unitId, grantedBy: null })

  /** A real-name profile, as the person fills it in the app (staff need theirs to handle claims: never their own). */
  const fillProfile = async (userId: string, phone: string, n: number, occupation: 'courier' | 'ride_hailing' | 'other', platform: string) => {
    const actor = { userId, ip: null, requestId: 'demo-seed' }
    await giveConsent(db, deps.clock, userId, { kind: 'sensitive_personal_info', textVersion: '2026-11-01' }, actor)
    const parsed = parseIdNumber(demoIdNumber(n), today)
    if (!parsed.ok) throw new Error('demo id number invalid')
    unwrap(await saveOwnProfile(db, deps, { id: userId, roles: new Set() }, {
      name: demoName(n), idNumber: parsed.value, mobile: phone, occupation, platform, basicMedicalInsurance: true, unionMember: true,
    }, actor))
  }

  const admin = await user(DEMO_PHONES.admin)
  const staff = await user(DEMO_PHONES.staff)
  const reviewer = await user(DEMO_PHONES.reviewer)
  for (const [n, [userId, phone]] of ([[admin, DEMO_PHONES.admin], [staff, DEMO_PHONES.staff], [reviewer, DEMO_PHONES.reviewer]] as const).entries()) {
    await fillProfile(userId, phone, 201 + n, 'other', '西安市总工会职工互助保障办事处')
  }
  await grant(admin, 'admin')
  await grant(staff, 'staff')
  await grant(reviewer, 'reviewer')

  const units: string[] = []
  const demoUnits = [
    { name: '碑林区外卖骑手站', regionCode: '610103', industry: 'food_delivery', unionMemberHeadcount: 40, fundingSource: 'unit' },
    { name: '雁塔区快递网点', regionCode: '610113', industry: 'courier', unionMemberHeadcount: 20, fundingSource: 'union_gift' },
  ] as const
  for (const unit of demoUnits) {
    const record = { ...unit, creditCode: null, catalogueId: CATALOGUE, products: ['ZY'], fundingSplit: null }
    units.push((await createUnitRecord(db, deps, record, { userId: staff, ip: null, requestId: 'demo-seed' })).id)
  }
  const [riders, couriers] = units as [string, string]
  await grant(await user(DEMO_PHONES.unitAdmin), 'unit_admin', riders)

  // Two members who signed up themselves; their unit's roster covers them.
  for (const [i, phone] of DEMO_PHONES.members.entries()) {
    await fillProfile(await user(phone), phone, i + 1, i === 0 ? 'courier' : 'ride_hailing', '美团碑林站')
  }

  // Rosters accepted two months ago (cover already running), then paid; the couriers' not yet paid.
  const accepted = addDays(today, -60)
  await importDemoRoster(db, deps, riders, staff, Array.from({ length: 24 }, (_, i) => demoRow(i + 1, '美团碑林站')), accepted)
  await importDemoRoster(db, deps, couriers, staff, Array.from({ length: 12 }, (_, i) => demoRow(i + 101, '顺丰雁塔网点')), addDays(today, -3))
  const due = await db.selectFrom('enrolments').select((eb) => eb.fn.sum<number>('premium_fen').as('fen')).where('unit_id', '=', riders).where('status', '=', 'pending_payment').executeTakeFirstOrThrow()
  // The riders' unit paid the day its roster was accepted, so their cover has run since the day after.
  const paidThen = { ...deps, clock: { now: () => new Date(`${accepted}T02:00:00.000Z`) } }
  await confirmPayment(db, paidThen, staff, {
    catalogueId: CATALOGUE, reference: 'DEMO-BANK-0001', amountFen: Number(due.fen), payer: '碑林区外卖骑手站', unitId: riders,
  })

  await createEvent(db, deps, staff, {
    name: '骑手健康义诊暨互助保障宣讲', place: '西安市碑林区南门广场', date: addDays(today, 3), unitId: riders,
    catalogueId: CATALOGUE, products: ['ZY'], fundingSource: 'union_gift',
  })
}
