import { ageOn, type CivilDate } from '@huzhu/shared'
import type { TestApp } from './test-app'

/**
 * A made-up office for the indicators' tests, written straight into the
 * database (units, people, events, enrolments in every status, claims in every
 * status), with the rows kept here so a test can count each figure itself.
 * Deterministic: the same seed gives the same office.
 */
export interface SeedUnit { id: string; name: string; region_code: string | null; industry: string | null; union_member_headcount: number | null }
export interface SeedPerson { id: string; birth_date: string }
export interface SeedEnrolment {
  id: string; insured_person_id: string; catalogue_id: string; status: string; accepted_on: string; start_on: string; end_on: string
  premium_fen: number; funding_source: string; unit_id: string | null; event_id: string | null
}
export interface SeedClaim {
  id: string; enrolment_id: string; insured_person_id: string; catalogue_id: string; kind: string; status: string; submitted_at: string
  estimate_fen: number; approved_fen: number | null; decided_by: string | null; paid_on: string | null; paid_working_days: number | null; event_date: string
}
export interface SeedOffice { units: SeedUnit[]; persons: SeedPerson[]; events: { id: string; name: string }[]; enrolments: SeedEnrolment[]; claims: SeedClaim[] }

function prng(seed: number): () => number {
  let a = seed
  return () => {
    a = (a + 0x6d2b79f5) | 0
    let t = Math.imul(a ^ (a >>> 15), 1 | a)
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296
  }
}

const pad = (n: number, width = 2) => String(n).padStart(width, '0')
const dayOf = (ms: number) => new Date(ms).toISOString().slice(0, 10)
const DAY = 86_400_000

export async function seedOffice(app: TestApp, memberUserId: string, reviewerId: string, seed = 7): Promise<SeedOffice> {
  const rnd = prng(seed)
  const pick = <T>(list: readonly T[]): T => list[Math.floor(rnd() * list.length)]!
  const int = (min: number, max: number) => min + Math.floor(rnd() * (max - min + 1))
  const now = '2024-12-01T00:00:00.000Z'
  const tag = `${seed}${pad(int(0, 99))}`

  const units: SeedUnit[] = [
    { id: `unt_dash${tag}a`, name: '碑林外卖站', region_code: '610103', industry: 'food_delivery', union_member_headcount: 30 },
    { id: `unt_dash${tag}b`, name: '雁塔快递站', region_code: '610113', industry: 'courier', union_member_headcount: 7 },
    { id: `unt_dash${tag}c`, name: '渭滨骑手站', region_code: '610302', industry: 'food_delivery', union_member_headcount: null },
    { id: `unt_dash${tag}d`, name: '黄浦网约车', region_code: '310101', industry: 'ride_hailing', union_member_headcount: 25 },
    { id: `unt_dash${tag}e`, name: '无地区站', region_code: null, industry: null, union_member_headcount: 9 },
  ]
  for (const u of units) await app.db.insertInto('units').values({ ...u, created_at: now }).execute()

  const events = [{ id: `evt_dash${tag}1`, name: '南门广场宣讲' }, { id: `evt_dash${tag}2`, name: '义诊' }]
  for (const [i, e] of events.entries()) {
    await app.db.insertInto('outreach_events').values({
      id: e.id, code: `D${tag}${i}`, name: e.name, place: '西安', date: '2023-05-01', unit_id: null, catalogue_id: 'shaanxi-gig-2023',
      products: '[]', funding_source: 'member', created_by: reviewerId, created_at: now,
    }).execute()
  }

  const persons: SeedPerson[] = []
  const personRows: object[] = []
  for (let i = 0; i < 45; i++) {
    const p = { id: `ins_dash${tag}${pad(i)}`, birth_date: `${int(1960, 2003)}-${pad(int(1, 12))}-${pad(int(1, 28))}` }
    persons.push(p)
    personRows.push({
      id: p.id, id_number_hash: `dash-${tag}-${i}`, id_number_ciphertext: 'x', name: `人${i}`, sex: i % 2 ? 'M' : 'F', birth_date: p.birth_date,
      mobile_ciphertext: null, mobile_hash: null, occupation: null, platform: null, basic_medical_insurance: 1, created_at: now, updated_at: now,
    })
  }
  await app.db.insertInto('insured_persons').values(personRows as never).execute()

  const enrolments: SeedEnrolment[] = []
  const enrolmentRows: object[] = []
  for (let i = 0; i < 130; i++) {
    const shanghai = rnd() < 0.4
    const startMs = shanghai ? Date.UTC(2020, 3, 1) + int(0, 540) * DAY : Date.UTC(2023, 0, 1) + int(0, 700) * DAY
    const start = dayOf(startMs)
    const unit = rnd() < 0.8 ? pick(units) : null
    const e: SeedEnrolment = {
      id: `enr_dash${tag}${pad(i, 3)}`, insured_person_id: pick(persons).id, catalogue_id: shanghai ? 'shanghai-2020' : 'shaanxi-gig-2023',
      status: pick(['active', 'active', 'active', 'active', 'pending_payment', 'cancelled']), accepted_on: dayOf(startMs - int(1, 3) * DAY), start_on: start,
      end_on: dayOf(startMs + 364 * DAY), premium_fen: int(5_000, 40_000) + (i % 7), funding_source: pick(['union_gift', 'unit', 'member', 'split']),
      unit_id: unit?.id ?? null, event_id: unit === null && rnd() < 0.7 ? pick(events).id : null,
    }
    enrolments.push(e)
    enrolmentRows.push({
      ...e, mode: 'instant', products: '["A0"]', cover_from: '{}', premium_lines: '[]', roster_id: null, payment_id: null, created_by: null,
      created_at: now, updated_at: now, cancelled_at: null, cancel_reason: null, renews_enrolment_id: null,
    })
  }
  await app.db.insertInto('enrolments').values(enrolmentRows as never).execute()

  const claims: SeedClaim[] = []
  const claimRows: object[] = []
  const statuses = ['submitted', 'in_review', 'needs_material', 'approved', 'payment_in_progress', 'rejected', 'paid', 'paid', 'paid', 'withdrawn']
  for (let i = 0; i < 110; i++) {
    const e = pick(enrolments)
    const status = pick(statuses)
    const paying = ['approved', 'payment_in_progress', 'paid'].includes(status)
    // Around China midnight now and then (16:00 UTC), so the China date of submission matters.
    const submittedMs = Date.parse(`${e.start_on}T00:00:00.000Z`) + int(0, 300) * DAY + (rnd() < 0.3 ? 16 * 3_600_000 + int(-2, 2) * 60_000 : int(0, 86_399) * 1000)
    const days = status === 'paid' ? int(0, 24) : null
    const c: SeedClaim = {
      id: `clm_dash${tag}${pad(i, 3)}`, enrolment_id: e.id, insured_person_id: e.insured_person_id, catalogue_id: e.catalogue_id,
      kind: pick(['inpatient', 'inpatient', 'critical_illness', 'accident_disability', 'outpatient_serious']), status,
      submitted_at: new Date(submittedMs).toISOString(), estimate_fen: int(100, 900_000), approved_fen: paying ? int(100, 900_000) : null,
      decided_by: paying && rnd() < 0.5 ? null : paying ? reviewerId : null, paid_on: status === 'paid' ? dayOf(submittedMs + 20 * DAY) : null,
      paid_working_days: days, event_date: dayOf(submittedMs - int(1, 30) * DAY),
    }
    claims.push(c)
    claimRows.push({
      ...c, age_at_event: ageOn(persons.find((p) => p.id === e.insured_person_id)!.birth_date as CivilDate, c.event_date as CivilDate), unit_id: e.unit_id, cover_start_on: e.start_on, member_user_id: memberUserId, diagnosis: 'x', hospital: null, figures: '{}', invoice_numbers: '[]', last_material_at: c.submitted_at,
      due_on: dayOf(submittedMs + 14 * DAY), due_on_provisional: 0, estimate_lines: '[]', flags: '[]', flagged: 0,
      decision: null, payee_account_id: null, payment_batch_id: null, payment_reference: null, paid_at: c.paid_on === null ? null : `${c.paid_on}T03:00:00.000Z`,
      created_at: c.submitted_at, updated_at: c.submitted_at,
    })
  }
  await app.db.insertInto('claims').values(claimRows as never).execute()
  return { units, persons, events, enrolments, claims }
}
