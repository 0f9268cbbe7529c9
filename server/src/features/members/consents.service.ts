import type { ConsentRequest } from '@huzhu/shared'
import { nowIso, type Clock } from '../../clock'
import type { Db } from '../../db/open'
import { notFound } from '../../http/errors'
import { newId } from '../../ids'
import type { AuditActor } from '../audit/audit.service'
import type { ConsentRow } from './consents.table'
import { findConsentRow, insertConsentRow, withdrawConsentRow } from './members.repository'

/** Records a consent: which text version, when, from which IP and request. */
export async function giveConsent(db: Db, clock: Clock, userId: string, input: ConsentRequest, actor: AuditActor): Promise<ConsentRow> {
  const row: ConsentRow = {
    id: newId('cns', clock.now()),
    user_id: userId,
    kind: input.kind,
    text_version: input.textVersion,
    given_at: nowIso(clock),
    ip: actor.ip,
    request_id: actor.requestId,
    withdrawn_at: null,
  }
  await insertConsentRow(db, row)
  return row
}

/** Withdraws one of the member's own consents (again is a no-op); another member's is not found. */
export async function withdrawConsent(db: Db, clock: Clock, userId: string, consentId: string): Promise<void> {
  const row = await findConsentRow(db, userId, consentId)
  if (!row) throw notFound()
  await withdrawConsentRow(db, row.id, nowIso(clock))
}
