/**
 * Demo data for `npm start` (HUZHU_DEMO_DATA=1, never in production): seeded
 * once, into a database without accounts, through the same services as the API.
 *
 *   13800000001 admin · 13800000002 staff (办事处) · 13800000003 reviewer (审核)
 *   13800000004 unit admin of 碑林区外卖骑手站 · 13800000005, 13800000006 members
 *   with a real-name profile and active cover through that unit's roster
 *
 * Sign in with any of them by SMS code (the console provider prints it; with
 * SMS_FIXED_CODE set, that code). Around them a believable office
 * (demo/office.ts): six units in two cities, a few hundred riders enrolled over
 * eight months. The claims seeder (demo/claims.ts) runs after this one: it
 * files claims for the riders with accounts made here.
 */
import { addDays } from '@huzhu/shared'
import { todayInChina, type Clock } from '../clock'
import type { Config } from '../config'
import type { DataProtector } from '../crypto/protector'
import type { Db } from '../db/open'
import { grantRole } from '../features/accounts/roles.service'
import { findOrCreatePhoneUser } from '../features/accounts/sessions.service'
import type { CatalogueStore } from '../features/catalogues/catalogue-store'
import type { BlobStore } from '../files/blob-store'
import { demoMemberAccount, DEMO_UNITS, seedOffice } from './office'
import { clockOn, markPastMessagesSent } from './people'

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

/** Roster persons who get an account (and so may claim): the two demo members and every fifth rider. */
export const isDemoClaimant = (n: number) => n <= DEMO_PHONES.members.length || n % 5 === 0

/** The office opened this many days before today: staff accounts date from then. */
const OFFICE_OPENED_DAYS_AGO = 260

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
  const opened = { ...deps, clock: clockOn(addDays(todayInChina(deps.clock), -OFFICE_OPENED_DAYS_AGO)) }
  const user = async (phone: string) => (await findOrCreatePhoneUser(db, opened, phone)).id
  const grant = (userId: string, role: 'admin' | 'staff' | 'reviewer' | 'unit_admin', unitId: string | null = null) =>
    grantRole(db, opened.clock, { userId, role, unitId, grantedBy: null })

  // Staff fill in their own real-name profile too (needed to handle claims: never their own).
  const office = { name: '西安市总工会职工互助保障办事处', regionCode: '610103', industry: 'other', platform: '西安市总工会职工互助保障办事处', born: [1970, 1990] } as const
  const staffAccount = async (phone: string, n: number) => {
    const userId = await user(phone)
    await demoMemberAccount(db, opened, { n, phone, unit: { ...DEMO_UNITS[0]!, ...office, idRegions: ['610103'] } }, office.platform)
    return userId
  }
  const admin = await staffAccount(DEMO_PHONES.admin, 701)
  const staff = await staffAccount(DEMO_PHONES.staff, 702)
  const reviewer = await staffAccount(DEMO_PHONES.reviewer, 703)
  await grant(admin, 'admin')
  await grant(staff, 'staff')
  await grant(reviewer, 'reviewer')

  const { unitIds } = await seedOffice(db, deps, staff, DEMO_PHONES.members, isDemoClaimant)
  await grant(await user(DEMO_PHONES.unitAdmin), 'unit_admin', unitIds[0]!)
  await markPastMessagesSent(db, todayInChina(deps.clock))
}
