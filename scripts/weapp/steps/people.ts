import { chinaDateOf, endpoints, pathOf } from '@huzhu/shared'
import { call, cardPayload, enrolledRider, login, phones, submittedClaim } from '../../e2e/steps/api'
import { idNumber } from '../../e2e/steps/files'
import type { WeappWorld } from '../harness/world'

/** The people and records the weapp tests find on the server, made through the API as the e2e stories make theirs. */

export const RIDER = { name: '王小明', idNumber: idNumber('1995-03-08', 13), maskedId: '6101**********013X', maskedPhone: '139****0010' } as const

export interface CoveredRider {
  token: string
  enrolmentId: string
  /** The signed payload of the rider's member card (what its QR code holds). */
  payload: string
}

/**
 * A rider who enrolled (ZY) and whose premium staff confirmed 40 days ago: the
 * cover runs, the hospital waiting period is over. The server's clock is back
 * to today afterwards, and the rider has logged in again today.
 */
export async function coveredRider(world: WeappWorld): Promise<CoveredRider> {
  await world.setClock(-40)
  const { enrolmentId } = await enrolledRider(world.base, world.office.tokens.staff, { name: RIDER.name, idNumber: RIDER.idNumber })
  await world.setClock(0)
  const { token } = await login(world.base, phones.rider)
  return { token, enrolmentId, payload: await cardPayload(world.base, token, enrolmentId) }
}

/** A hospital claim of the rider three days ago, with one invoice photo: submitted, awaiting review. */
export async function claimOf(world: WeappWorld, rider: CoveredRider): Promise<string> {
  return (await submittedClaim(world.base, rider.token, rider.enrolmentId, chinaDateOf(new Date()))).id
}

export const EVENT_NAME = '骑手健康义诊'

/** An outreach event today, with the gig-workers' hospital cover as a gift of the union. */
export async function outreachEvent(world: WeappWorld): Promise<string> {
  const event = await call<{ id: string }>(world.base, 'POST', pathOf(endpoints.events.createEvent), {
    token: world.office.tokens.staff,
    body: { name: EVENT_NAME, place: '西安市雁塔区骑手驿站', date: chinaDateOf(new Date()), unitId: null, catalogueId: 'shaanxi-gig-2023', products: ['ZY'], fundingSource: 'union_gift',
      gift: { limit: 50, products: ['ZY'], from: chinaDateOf(new Date()), to: chinaDateOf(new Date()) } },
  })
  return event.id
}
