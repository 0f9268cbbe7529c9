/**
 * The demo office's year (`npm start`): six units in two cities of Shaanxi
 * (西安 and 宝鸡), their rosters accepted month after month and paid, riders
 * who joined at outreach events (the union's gift) or on their own (paying
 * themselves), and the accounts of riders who later claim. Every step runs
 * through the same services as the API, on the day it happened (a clock
 * standing on that day), in date order, so the dashboard's enrolments per
 * day, per event and per funding source, the coverage by region, unit and
 * occupation, and the premiums received all have something to show.
 */
import { rmSync, writeFileSync } from 'node:fs'
import ExcelJS from 'exceljs'
import { addDays, parseIdNumber, rosterHeaders, type FundingSource, type Occupation, type RosterCell, type UnitFundingSplit } from '@huzhu/shared'
import { nowIso, todayInChina } from '../clock'
import type { Db } from '../db/open'
import { newId } from '../ids'
import { unwrap } from '../outcome'
import { findOrCreatePhoneUser } from '../features/accounts/sessions.service'
import { catalogueOr422, enrolSelf, unitModeFor } from '../features/enrolments/enrolments.service'
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
import { tempFilePath } from '../files/temp-files'
import { clockOn, demoCreditCode, demoIdNumber, demoName, demoPhone, sexOf } from './people'
import type { DemoDeps } from './seed'

export const DEMO_CATALOGUE = 'shaanxi-gig-2023'
const PRODUCTS = ['ZY']

const occupationLabel: Record<Occupation, string> = { food_delivery: '外卖员', courier: '快递员', ride_hailing: '网约车司机', truck_driver: '货车司机', other: '其他' }

interface DemoUnit {
  name: string
  regionCode: string
  industry: Occupation
  unionMemberHeadcount: number
  fundingSource: FundingSource
  fundingSplit: UnitFundingSplit | null
  platform: string
  /** County codes its riders' ID numbers were issued in, and the years they were born in. */
  idRegions: readonly string[]
  born: readonly [number, number]
  /** Each roster: days before today it was accepted, its rows, whether the unit has paid it (the day after), and its riders' birth years when not the unit's. */
  rosters: readonly { daysAgo: number; rows: number; paid: boolean; born?: readonly [number, number] }[]
}

/**
 * The units, first 碑林区外卖骑手站 (its admin is 13800000004; the demo members
 * 13800000005 and 13800000006 are its roster's first two rows). 长安区货运司机分会
 * has paid for a fifth of its union members, the older drivers (the young
 * ones' roster was never paid): the dashboard's adverse-selection signals
 * have a unit to point at.
 */
export const DEMO_UNITS: readonly DemoUnit[] = [
  { name: '碑林区外卖骑手站', regionCode: '610103', industry: 'food_delivery', unionMemberHeadcount: 80, fundingSource: 'unit', fundingSplit: null, platform: '美团碑林站',
    idRegions: ['610103', '610102', '610104'], born: [1985, 2003], rosters: [{ daysAgo: 240, rows: 40, paid: true }, { daysAgo: 60, rows: 20, paid: true }] },
  { name: '雁塔区快递网点', regionCode: '610113', industry: 'courier', unionMemberHeadcount: 60, fundingSource: 'union_gift', fundingSplit: null, platform: '顺丰雁塔网点',
    idRegions: ['610113', '610116'], born: [1980, 2001], rosters: [{ daysAgo: 200, rows: 36, paid: true }, { daysAgo: 3, rows: 12, paid: false }] },
  { name: '未央区网约车司机之家', regionCode: '610112', industry: 'ride_hailing', unionMemberHeadcount: 90, fundingSource: 'split',
    fundingSplit: { unionFen: 3000, unitFen: 5000, memberFen: 2000 }, platform: '滴滴出行西安分公司',
    idRegions: ['610112', '610111', '610117'], born: [1978, 1998], rosters: [{ daysAgo: 150, rows: 45, paid: true }] },
  { name: '长安区货运司机分会', regionCode: '610116', industry: 'truck_driver', unionMemberHeadcount: 120, fundingSource: 'unit', fundingSplit: null, platform: '长安物流园',
    idRegions: ['610116', '610122'], born: [1964, 1976], rosters: [{ daysAgo: 100, rows: 22, paid: true }, { daysAgo: 40, rows: 18, paid: false, born: [1994, 2003] }] },
  { name: '渭滨区外卖骑手站', regionCode: '610302', industry: 'food_delivery', unionMemberHeadcount: 70, fundingSource: 'union_gift', fundingSplit: null, platform: '饿了么宝鸡渭滨站',
    idRegions: ['610302', '610303', '610304'], born: [1986, 2004], rosters: [{ daysAgo: 180, rows: 50, paid: true }] },
  { name: '金台区快递物流工会', regionCode: '610303', industry: 'courier', unionMemberHeadcount: 50, fundingSource: 'unit', fundingSplit: null, platform: '中通宝鸡金台网点',
    idRegions: ['610303', '610302'], born: [1979, 2000], rosters: [{ daysAgo: 120, rows: 30, paid: true }] },
]

/** Outreach events that enrolled riders on the spot (the union's gift), and one still to come. */
const DEMO_EVENTS = [
  { daysAgo: 210, name: '骑手职工互助保障集中参保日', place: '西安市碑林区南门广场', unit: 0, joined: 14, giftLimit: 30 },
  { daysAgo: 90, name: '宝鸡新就业形态劳动者入会参保服务站', place: '宝鸡市渭滨区经二路', unit: 4, joined: 12, giftLimit: 20 },
  { daysAgo: -3, name: '骑手健康义诊暨互助保障宣讲', place: '西安市碑林区南门广场', unit: 0, joined: 0, giftLimit: 50 },
] as const

/** Riders who found the plan in the app and paid their premium themselves, by transfer, days before today. */
const SELF_ENROLLED_DAYS_AGO = [230, 190, 160, 130, 110, 75, 45, 20, 12, 6]

/** A person on the demo's books: numbered, of a unit (for their ID number's region, age and occupation). */
export interface DemoPerson {
  n: number
  unit: DemoUnit
  phone: string
  born?: readonly [number, number]
}

export function personRow(person: DemoPerson, row: number): RosterCell[] {
  const id = personIdNumber(person)
  return [row, demoName(person.n), sexOf(id), id, person.phone, occupationLabel[person.unit.industry], person.unit.platform, '是', PRODUCTS.join(','), 1, '']
}

export const personIdNumber = (p: DemoPerson) =>
  demoIdNumber(p.n, p.unit.idRegions[p.n % p.unit.idRegions.length]!, (p.born ?? p.unit.born)[0], (p.born ?? p.unit.born)[1])

async function writeRosterFile(path: string, rows: RosterCell[][]): Promise<void> {
  const workbook = new ExcelJS.Workbook()
  const sheet = workbook.addWorksheet('参保名单')
  sheet.getColumn(4).numFmt = '@'
  sheet.getColumn(5).numFmt = '@'
  sheet.addRow([...rosterHeaders])
  for (const row of rows) sheet.addRow(row)
  writeFileSync(path, Buffer.from(await workbook.xlsx.writeBuffer()))
}

/** A unit's roster accepted on the deps' clock's day, checked and imported like an upload. */
async function importDemoRoster(db: Db, deps: DemoDeps, unitId: string, createdBy: string, rows: RosterCell[][]): Promise<void> {
  const catalogue = catalogueOr422(deps.catalogues, DEMO_CATALOGUE)
  const acceptedOn = todayInChina(deps.clock)
  const mode = unitModeFor(catalogue, acceptedOn)
  const id = newId('rst', deps.clock.now())
  // Written and checked in the temporary area like an upload, imported from there, then kept in the blob store.
  const path = tempFilePath(deps.config.dataDir, 'demo-roster')
  const staging = tempFilePath(deps.config.dataDir, 'demo-roster-rows')
  try {
    await writeRosterFile(path, rows)
    const checked = await checkRosterFile(db, deps.protector, deps.catalogues, path, catalogue, mode, acceptedOn, acceptedOn, openStaging(staging, deps.protector, id))
    if (checked.errors.length > 0) throw new Error(`demo roster has errors: ${JSON.stringify(checked.errors.slice(0, 3))}`)
    const row = {
      id, unit_id: unitId, catalogue_id: DEMO_CATALOGUE, file_name: '参保名单（演示）.xlsx', file_sha256: 'demo', mode, accepted_on: acceptedOn, status: 'checked',
      row_count: checked.rowCount, valid_count: checked.validCount, errors: JSON.stringify(checked.errors), imported_count: null, premium_fen: null,
      created_by: createdBy, created_at: nowIso(deps.clock), imported_at: null, files_deleted_at: null,
    }
    await insertRoster(db, row)
    await importRosterFile(db, deps, row, await unitOr404(db, unitId), { staging }, acceptedOn, true, createdBy)
    await storeRosterFiles(deps.blobs, id, { xlsx: path, staging })
  } finally {
    rmSync(path, { force: true })
    rmSync(staging, { force: true })
  }
}

/** A rider's account with the consent and real-name profile they give in the app (linked to their cover by the phone their unit registered). */
export async function demoMemberAccount(db: Db, deps: DemoDeps, person: DemoPerson, platform = person.unit.platform): Promise<string> {
  const userId = (await findOrCreatePhoneUser(db, deps, person.phone)).id
  const actor = { userId, ip: null, requestId: 'demo-seed' }
  await giveConsent(db, deps.clock, userId, { kind: 'sensitive_personal_info', textVersion: '2026-11-01' }, actor)
  const parsed = parseIdNumber(personIdNumber(person), todayInChina(deps.clock))
  if (!parsed.ok) throw new Error('demo id number invalid')
  unwrap(await saveOwnProfile(db, deps, { id: userId, roles: new Set() }, {
    name: demoName(person.n), idNumber: parsed.value, mobile: person.phone, occupation: person.unit.industry, platform,
    basicMedicalInsurance: true, unionMember: true,
  }, actor))
  return userId
}

/** One step of the office's year: what happened on a day (steps of the same day in the order given). */
interface Step {
  on: string
  order: number
  run: (deps: DemoDeps) => Promise<void>
}

export interface DemoOffice {
  unitIds: string[]
  /** The upcoming event's id. */
  upcomingEventId: string
}

/** Persons numbered from 1 in roster order; riders who came by event or on their own from 801. */
const FIRST_WALK_IN = 801

/**
 * Seeds the office's year in date order. Roster persons are numbered from 1
 * (the first `memberPhones.length` carry those phones); `claimants` says which
 * of them get an account the day after their cover starts (the claims seeder
 * files claims for riders with accounts). Returns the units made, in
 * DEMO_UNITS order, and the upcoming event.
 */
export async function seedOffice(db: Db, deps: DemoDeps, staffId: string, memberPhones: readonly string[], claimants: (n: number) => boolean): Promise<DemoOffice> {
  const today = todayInChina(deps.clock)
  const on = (daysAgo: number) => addDays(today, -daysAgo)
  const actor = { userId: staffId, ip: null, requestId: 'demo-seed' }
  const unitIds: string[] = []
  for (const [i, unit] of DEMO_UNITS.entries()) {
    const record = {
      name: unit.name, creditCode: demoCreditCode(i + 1, unit.regionCode), regionCode: unit.regionCode, industry: unit.industry,
      unionMemberHeadcount: unit.unionMemberHeadcount, catalogueId: DEMO_CATALOGUE, products: PRODUCTS, fundingSource: unit.fundingSource, fundingSplit: unit.fundingSplit,
    }
    // Units were registered before their first roster.
    const first = Math.max(...unit.rosters.map((r) => r.daysAgo)) + 7
    unitIds.push((await createUnitRecord(db, { ...deps, clock: clockOn(on(first)) }, record, actor)).id)
  }

  const steps: Step[] = []
  let n = 0
  let reference = 0
  for (const [u, unit] of DEMO_UNITS.entries()) {
    const unitId = unitIds[u]!
    for (const roster of unit.rosters) {
      const people: DemoPerson[] = Array.from({ length: roster.rows }, () => {
        n++
        return { n, unit, phone: memberPhones[n - 1] ?? demoPhone(n), ...(roster.born ? { born: roster.born } : {}) }
      })
      steps.push({ on: on(roster.daysAgo), order: 0, run: (d) => importDemoRoster(db, d, unitId, staffId, people.map((p, i) => personRow(p, i + 1))) })
      if (!roster.paid) continue
      const ref = `DEMO-BANK-${String(++reference).padStart(4, '0')}`
      steps.push({ on: on(roster.daysAgo - 1), order: 1, run: async (d) => {
        const due = await db.selectFrom('enrolments').select((eb) => eb.fn.sum<number>('premium_fen').as('fen'))
          .where('unit_id', '=', unitId).where('status', '=', 'pending_payment').executeTakeFirstOrThrow()
        await confirmPayment(db, d, staffId, { catalogueId: DEMO_CATALOGUE, reference: ref, amountFen: Number(due.fen), payer: unit.name, unitId })
      } })
      // Their accounts: made when cover starts, as they sign in to see their card.
      for (const person of people.filter((p) => claimants(p.n))) {
        steps.push({ on: on(roster.daysAgo - 2), order: 2, run: async (d) => void (await demoMemberAccount(db, d, person)) })
      }
    }
  }

  // Walk-ins: at an event (the union pays, a few days later) or alone (paying themselves the same day).
  let walkIn = FIRST_WALK_IN
  const enrolWalkIn = async (d: DemoDeps, person: DemoPerson, eventId?: string) => {
    const userId = await demoMemberAccount(db, d, person, eventId ? person.unit.platform : '个人')
    return (await enrolSelf(db, d, userId, { catalogueId: DEMO_CATALOGUE, products: PRODUCTS, ...(eventId ? { eventId } : {}) })).id
  }
  const payFor = async (d: DemoDeps, ids: string[], ref: string, payer: string) => {
    const rows = await db.selectFrom('enrolments').select('premium_fen').where('id', 'in', ids).execute()
    await confirmPayment(db, d, staffId, { catalogueId: DEMO_CATALOGUE, reference: ref, amountFen: rows.reduce((s, r) => s + r.premium_fen, 0), payer, enrolmentIds: ids })
  }
  let upcomingEventId = ''
  for (const event of DEMO_EVENTS) {
    const unit = DEMO_UNITS[event.unit]!
    const joined: DemoPerson[] = Array.from({ length: event.joined }, () => ({ n: walkIn, unit, phone: demoPhone(walkIn++) }))
    const enrolmentIds: string[] = []
    let eventId = ''
    steps.push({ on: on(Math.max(event.daysAgo, 0) + 14), order: 3, run: async (d) => {
      eventId = (await createEvent(db, d, staffId, {
        name: event.name, place: event.place, date: on(event.daysAgo), unitId: unitIds[event.unit]!, catalogueId: DEMO_CATALOGUE, products: PRODUCTS, fundingSource: 'union_gift',
        // The union gives the cover to this many riders who join on the day.
        gift: { limit: event.giftLimit, products: PRODUCTS, from: on(event.daysAgo), to: on(event.daysAgo) },
      })).id
      if (event.daysAgo < 0) upcomingEventId = eventId
    } })
    if (event.joined === 0) continue
    for (const [i, person] of joined.entries()) {
      steps.push({ on: on(event.daysAgo), order: 4 + i, run: async (d) => void enrolmentIds.push(await enrolWalkIn({ ...d, clock: clockOn(on(event.daysAgo), 5 * i) }, person, eventId)) })
    }
    const ref = `DEMO-GIFT-${String(++reference).padStart(4, '0')}`
    const union = unit.regionCode.startsWith('6103') ? '宝鸡市总工会' : '西安市总工会'
    steps.push({ on: on(event.daysAgo - 4), order: 1, run: (d) => payFor(d, enrolmentIds, ref, union) })
  }
  for (const [i, daysAgo] of SELF_ENROLLED_DAYS_AGO.entries()) {
    const person: DemoPerson = { n: walkIn, unit: DEMO_UNITS[i % DEMO_UNITS.length]!, phone: demoPhone(walkIn++) }
    const ref = `DEMO-SELF-${String(++reference).padStart(4, '0')}`
    steps.push({ on: on(daysAgo), order: 50, run: async (d) => {
      const id = await enrolWalkIn(d, person)
      await payFor({ ...d, clock: clockOn(on(daysAgo), 240) }, [id], ref, demoName(person.n))
    } })
  }

  steps.sort((a, b) => (a.on < b.on ? -1 : a.on > b.on ? 1 : a.order - b.order))
  for (const step of steps) await step.run({ ...deps, clock: clockOn(step.on) })
  return { unitIds, upcomingEventId }
}
