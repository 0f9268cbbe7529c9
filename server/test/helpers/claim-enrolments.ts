import { builtInCatalogues, quote, toSelection, type EnrolmentMode } from '@huzhu/shared'
import { nowIso } from '../../src/clock'
import { seal, unseal } from '../../src/crypto/personal-data'
import { newId } from '../../src/ids'
import type { TestUser } from './login'
import type { TestApp } from './test-app'

export interface TestEnrolmentOptions {
  catalogueId?: string
  products?: string[]
  mode?: EnrolmentMode
  acceptedOn?: string
  status?: 'pending_payment' | 'active' | 'cancelled'
  unitId?: string | null
}

/**
 * For claims tests, without the enrolment routes: writes an enrolment straight
 * into the database for a member who has a profile: the insured person with the
 * same ID-number hash as the profile (found or created), and an enrolment priced
 * by the shared engine. Default: Shanghai A0+B0+C0, collective, accepted
 * 2020-03-20 (cover 2020-04-01 to 2021-03-31), active.
 */
export async function createTestEnrolment(app: TestApp, user: TestUser, options: TestEnrolmentOptions = {}): Promise<{ enrolmentId: string; insuredPersonId: string }> {
  const profile = await app.db.selectFrom('member_profiles').selectAll().where('user_id', '=', user.id).executeTakeFirstOrThrow()
  const now = nowIso(app.clock)
  let person = await app.db.selectFrom('insured_persons').select('id').where('id_number_hash', '=', profile.id_number_hash).executeTakeFirst()
  if (!person) {
    const id = newId('ins', app.clock.now())
    const idNumber = unseal(app.protector, 'member_profiles.id_number', user.id, profile.id_number_ciphertext)
    await app.db.insertInto('insured_persons').values({
      id, id_number_hash: profile.id_number_hash, id_number_ciphertext: seal(app.protector, 'insured_persons.id_number', id, idNumber),
      name: profile.name, sex: profile.sex, birth_date: profile.birth_date, mobile_ciphertext: null, mobile_hash: null,
      occupation: profile.occupation, platform: profile.platform, basic_medical_insurance: profile.basic_medical_insurance, created_at: now, updated_at: now,
    }).execute()
    person = { id }
  }
  // The account enrolled the person (DOMAIN.md, "Identity"): it sees and claims on the cover.
  await app.db.insertInto('person_accounts').values({ insured_person_id: person.id, user_id: user.id, via: 'enrolment', verified_by: null, created_at: now })
    .onConflict((oc) => oc.doNothing()).execute()
  const catalogueId = options.catalogueId ?? 'shanghai-2020'
  const products = options.products ?? ['A0', 'B0', 'C0']
  const catalogue = builtInCatalogues().get(catalogueId)
  if (!catalogue) throw new Error(`no catalogue ${catalogueId}`)
  const priced = quote(catalogue, { selection: toSelection(products), mode: options.mode ?? 'collective', acceptedOn: options.acceptedOn ?? '2020-03-20' })
  if (!priced.ok) throw new Error(`cannot quote: ${JSON.stringify(priced.violations)}`)
  const q = priced.value
  const enrolmentId = newId('enr', app.clock.now())
  await app.db.insertInto('enrolments').values({
    id: enrolmentId, insured_person_id: person.id, catalogue_id: catalogueId, mode: q.mode, status: options.status ?? 'active',
    products: JSON.stringify(products), accepted_on: q.acceptedOn, start_on: q.start, end_on: q.end, cover_from: JSON.stringify(q.coverFrom),
    premium_fen: q.premiumFen, premium_lines: JSON.stringify(q.lines), funding_source: 'member', unit_id: options.unitId ?? null,
    event_id: null, roster_id: null, payment_id: null, created_by: user.id, created_at: now, updated_at: now, cancelled_at: null,
  }).execute()
  return { enrolmentId, insuredPersonId: person.id }
}
