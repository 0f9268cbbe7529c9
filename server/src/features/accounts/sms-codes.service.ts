import { randomInt } from 'node:crypto'
import { isoPlusSeconds, nowIso, type Clock } from '../../clock'
import type { Config } from '../../config'
import type { DataProtector } from '../../crypto/protector'
import { sameHash } from '../../crypto/tokens'
import type { Db } from '../../db/open'
import { AppError, tooManyRequests } from '../../http/errors'
import { newId } from '../../ids'
import { failure, success, type Outcome } from '../../outcome'
import { checkRateLimits } from '../rate-limits/rate-limits.service'
import { consumeSmsCode, insertSmsCode, invalidateOpenSmsCodes, latestSmsCode, recordWrongAttempt } from './sms-codes.repository'
import { hashPhone } from '../../crypto/personal-data'
import { enqueueSealed } from '../outbox/outbox.service'

export interface SmsCodeDeps {
  clock: Clock
  protector: DataProtector
  config: Config
}

const codeHash = (protector: DataProtector, phoneHash: string, code: string) => protector.hash('sms_code', `${phoneHash}:${code}`)

/**
 * Issues a login code for a phone: rate limits per number (1 a minute, 10 a
 * day) and per IP, a new code replaces open ones, and only its keyed hash is
 * stored. The SMS that carries it (the fixed code when SMS_FIXED_CODE is set)
 * is queued in the outbox, sealed, in the same transaction: after the commit
 * `outbox.kick()` sends it, and a provider failure is retried there, never
 * failing this request. Unsent when the code expired.
 */
export async function issueLoginCode(db: Db, deps: SmsCodeDeps, phone: string, ip: string): Promise<Outcome<void>> {
  const { sms } = deps.config
  const limited = await checkRateLimits(db, deps, [
    { bucket: 'sms_ip', key: ip, windows: [{ seconds: 3600, max: sms.perIpHourlyLimit }, { seconds: 86_400, max: sms.perIpDailyLimit }] },
    phoneCodeLimit(deps, phone),
  ])
  if (!limited.ok) return failure(tooManyRequests(limited.retryAfterSeconds))
  await storeLoginCode(db, deps, phone)
  return success(undefined)
}

/** The per-number limits of login codes (1 a minute, 10 a day by default): every code sent to a phone counts against them. */
export function phoneCodeLimit(deps: SmsCodeDeps, phone: string) {
  const { sms } = deps.config
  return { bucket: 'sms_phone', key: phone, windows: [{ seconds: sms.perPhoneIntervalSeconds, max: 1 }, { seconds: 86_400, max: sms.perPhoneDailyLimit }] }
}

/**
 * Stores a new login code for the phone (replacing open ones; only its keyed
 * hash is kept) and queues its SMS in the outbox, sealed. The caller has
 * checked the rate limits.
 */
export async function storeLoginCode(db: Db, deps: SmsCodeDeps, phone: string): Promise<void> {
  const { sms } = deps.config
  const phoneHash = hashPhone(deps.protector, phone)
  const now = nowIso(deps.clock)
  await invalidateOpenSmsCodes(db, phoneHash, now)
  const code = sms.fixedCode ?? String(randomInt(0, 1_000_000)).padStart(6, '0')
  const expiresAt = isoPlusSeconds(deps.clock, sms.codeTtlSeconds)
  await insertSmsCode(db, {
    id: newId('smc', deps.clock.now()),
    phone_hash: phoneHash,
    code_hash: codeHash(deps.protector, phoneHash, code),
    created_at: now,
    expires_at: expiresAt,
    attempts: 0,
    consumed_at: null,
    invalidated_at: null,
  })
  await enqueueSealed(db, deps, 'login_code_sms', { phone, code }, { expiresAt })
}

/**
 * Checks a code against the latest one sent to the phone: expired after 5
 * minutes, used once, and invalidated by the 5th wrong try. Wrong tries are
 * written even though the result is a refusal (commit, then throw).
 */
export async function verifyLoginCode(db: Db, deps: SmsCodeDeps, phone: string, code: string): Promise<Outcome<void>> {
  const phoneHash = hashPhone(deps.protector, phone)
  const row = await latestSmsCode(db, phoneHash)
  const now = nowIso(deps.clock)
  const max = deps.config.sms.maxAttempts
  if (!row || row.consumed_at !== null) return failure(new AppError(400, 'sms_code_invalid'))
  if (row.invalidated_at !== null) return failure(new AppError(400, row.attempts >= max ? 'sms_code_too_many_attempts' : 'sms_code_invalid'))
  if (row.expires_at <= now) return failure(new AppError(400, 'sms_code_expired'))
  if (!sameHash(row.code_hash, codeHash(deps.protector, phoneHash, code))) {
    const attempts = row.attempts + 1
    await recordWrongAttempt(db, row.id, attempts, attempts >= max ? now : null)
    return failure(new AppError(400, attempts >= max ? 'sms_code_too_many_attempts' : 'sms_code_invalid'))
  }
  await consumeSmsCode(db, row.id, now)
  return success(undefined)
}
