import { randomInt } from 'node:crypto'
import { checkSelection, toSelection, type EventCreateRequest } from '@huzhu/shared'
import { nowIso, type Clock } from '../../clock'
import type { DataProtector } from '../../crypto/protector'
import type { Db } from '../../db/open'
import { AppError, notFound, tooManyRequests } from '../../http/errors'
import { newId } from '../../ids'
import type { CatalogueStore } from '../catalogues/catalogue-store'
import { catalogueOr422 } from '../enrolments/enrolments.service'
import { checkRateLimits } from '../rate-limits/rate-limits.service'
import { findUnit } from '../units/units.repository'
import { countScan, findEventByCode, insertEvent } from './events.repository'
import type { OutreachEventRow } from './events.table'
import { checkGiftBudget } from './event-gifts'

/** Code letters: no 0/O, 1/I/L, so a code read aloud or typed from a poster is unambiguous. */
const CODE_ALPHABET = '23456789ABCDEFGHJKMNPQRSTUVWXYZ'
const CODE_LENGTH = 6

export function newEventCode(): string {
  let code = ''
  for (let i = 0; i < CODE_LENGTH; i++) code += CODE_ALPHABET[randomInt(CODE_ALPHABET.length)]
  return code
}

/** Staff create an outreach event: a known catalogue, a valid suggested selection (or none), a known organising unit. */
export async function createEvent(db: Db, deps: { clock: Clock; catalogues: CatalogueStore }, staffId: string, body: EventCreateRequest): Promise<OutreachEventRow> {
  const catalogue = catalogueOr422(deps.catalogues, body.catalogueId)
  if (body.products.length > 0) {
    const found = checkSelection(catalogue, toSelection(body.products))
    if (found.length > 0) throw new AppError(422, 'selection_invalid', { details: found.map((v) => ({ rule: v.rule, product: v.product, message: v.message })) })
  }
  checkGiftBudget(catalogue, body.fundingSource, body.gift)
  if (body.unitId !== null && !(await findUnit(db, body.unitId))) throw new AppError(422, 'unit_not_found', { details: [{ path: 'unitId', code: 'unit_not_found' }] })
  let code = newEventCode()
  while (await findEventByCode(db, code)) code = newEventCode()
  const row: OutreachEventRow = {
    id: newId('evt', deps.clock.now()), code, name: body.name, place: body.place, date: body.date, unit_id: body.unitId,
    catalogue_id: catalogue.id, products: JSON.stringify(body.products), funding_source: body.fundingSource, scans: 0,
    created_by: staffId, created_at: nowIso(deps.clock),
    gift_limit: body.gift?.limit ?? null, gift_products: body.gift ? JSON.stringify(body.gift.products) : null,
    gift_from: body.gift?.from ?? null, gift_to: body.gift?.to ?? null,
  }
  await insertEvent(db, row)
  return row
}

/** Scans per client IP: enough for a crowd behind one mobile gateway, not for a script. */
const SCAN_WINDOWS = [{ seconds: 60, max: 30 }, { seconds: 3600, max: 300 }]

/** Counts one scan of an event's code (public), rate-limited per client IP. */
export async function recordScan(db: Db, deps: { clock: Clock; protector: DataProtector }, code: string, ip: string): Promise<void> {
  const event = await findEventByCode(db, code)
  if (!event) throw notFound('event_not_found')
  const limited = await checkRateLimits(db, deps, [{ bucket: 'event_scan', key: ip, windows: SCAN_WINDOWS }])
  if (!limited.ok) throw tooManyRequests(limited.retryAfterSeconds)
  await countScan(db, event.id)
}
