import { auditActions, maskMobile, type AuditAction, type AuditEntry } from '@huzhu/shared'
import { unseal } from '../../crypto/personal-data'
import type { DataProtector } from '../../crypto/protector'
import type { Db } from '../../db/open'
import type { AuditLogRow } from './audit-log.table'
import { loginPhonesOf } from './audit.repository'

function parseFields(text: string): string[] {
  try {
    const value: unknown = JSON.parse(text)
    return Array.isArray(value) ? value.filter((v): v is string => typeof v === 'string') : []
  } catch {
    return []
  }
}

/** Account id → its login phone, masked (accounts without one, or gone, are left out). */
export type MaskedPhones = ReadonlyMap<string, string>

/** The masked login phones of the actors and subjects of these entries, so an admin reads who rather than an id. */
export async function maskedPhonesOf(db: Db, protector: DataProtector, rows: readonly AuditLogRow[]): Promise<MaskedPhones> {
  const ids = new Set<string>()
  for (const row of rows) {
    if (row.actor_user_id !== null) ids.add(row.actor_user_id)
    if (row.subject_user_id !== null) ids.add(row.subject_user_id)
  }
  const phones = new Map<string, string>()
  const all = [...ids]
  // In batches: an export may name many accounts, more than a statement takes as parameters.
  for (let i = 0; i < all.length; i += 500) {
    for (const user of await loginPhonesOf(db, all.slice(i, i + 500))) {
      if (user.phone_ciphertext !== null) phones.set(user.id, maskMobile(unseal(protector, 'users.phone', user.id, user.phone_ciphertext)))
    }
  }
  return phones
}

export function presentAuditEntry(row: AuditLogRow, phones: MaskedPhones = new Map()): AuditEntry {
  return {
    id: row.id,
    at: row.at,
    actorUserId: row.actor_user_id,
    subjectUserId: row.subject_user_id,
    action: (auditActions as readonly string[]).includes(row.action) ? (row.action as AuditAction) : 'read',
    resource: row.resource,
    fields: parseFields(row.fields),
    ip: row.ip,
    requestId: row.request_id,
    actorPhoneMasked: row.actor_user_id === null ? null : phones.get(row.actor_user_id) ?? null,
    subjectPhoneMasked: row.subject_user_id === null ? null : phones.get(row.subject_user_id) ?? null,
  }
}
