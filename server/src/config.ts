import { resolve, join } from 'node:path'
import { z } from 'zod'
import { resolveSecrets, type Secrets } from './config-secrets'
import type { DatabaseTarget } from './db/open'
import { readSmsSettings, smsProviderNames, type SmsProviderSettings } from './features/accounts/sms-config'
import { readWechatPaySettings, type WechatPaySettings } from './features/wechat-pay/wechat-pay-config'
import { readBlobStoreSettings, type BlobStoreSettings } from './files/blob-store-config'

/**
 * The server's configuration: read from the environment once, checked with zod,
 * frozen. Nothing else reads `process.env`.
 */

const blankToUndefined = (v: unknown) => (typeof v === 'string' && v.trim() === '' ? undefined : v)
const optionalString = z.preprocess(blankToUndefined, z.string().optional())
const boolish = z.preprocess(blankToUndefined, z.enum(['0', '1', 'true', 'false']).optional()).transform((v) => v === '1' || v === 'true')
const positiveInt = (fallback: number) => z.preprocess(blankToUndefined, z.coerce.number().int().min(1).default(fallback))

export const envSchema = z.object({
  NODE_ENV: z.preprocess(blankToUndefined, z.enum(['development', 'test', 'production']).default('development')),
  PORT: z.preprocess(blankToUndefined, z.coerce.number().int().min(0).max(65535).default(3000)),
  HUZHU_HOST: optionalString,
  HUZHU_DATA_DIR: z.preprocess(blankToUndefined, z.string().default('./data')),
  HUZHU_DATA_KEY: optionalString,
  HUZHU_SIGNING_KEY: optionalString,
  HUZHU_SIGNING_KEY_ID: z.preprocess(blankToUndefined, z.string().regex(/^[A-Za-z0-9_-]{1,16}$/).optional()),
  HUZHU_STATIC_DIR: optionalString,
  HUZHU_PUBLIC_URL: z.preprocess(blankToUndefined, z.url({ protocol: /^https?$/ }).optional()),
  HUZHU_DEMO_DATA: boolish,
  HUZHU_TRUST_PROXY: z.preprocess(
    (v) => { const b = blankToUndefined(v); return b === 'true' ? '1' : b === 'false' ? '0' : b },
    z.coerce.number({ error: 'the number of reverse proxies in front of the server (0 for none)' }).int().min(0).max(10).default(0),
  ),
  HUZHU_LOG_LEVEL: z.preprocess(blankToUndefined, z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info')),
  HUZHU_CHECK_RESPONSES: z.preprocess(blankToUndefined, z.enum(['0', '1', 'true', 'false']).optional()),
  HUZHU_READ_POOL_SIZE: z.preprocess(blankToUndefined, z.coerce.number().int().min(1).max(8).default(2)),
  DATABASE_URL: z.preprocess(blankToUndefined, z.string().regex(/^postgres(ql)?:\/\//, 'a postgres:// URL (or unset for SQLite in the data folder)').optional()),
  HUZHU_DB_POOL_SIZE: z.preprocess(blankToUndefined, z.coerce.number().int().min(1).max(500).default(10)),
  SMS_PROVIDER: z.preprocess(blankToUndefined, z.enum(smsProviderNames).optional()),
  SMS_FIXED_CODE: z.preprocess(blankToUndefined, z.string().regex(/^\d{6}$/, 'six digits').optional()),
  SMS_IP_HOURLY_LIMIT: positiveInt(30),
  SMS_IP_DAILY_LIMIT: positiveInt(200),
  WECHAT_APPID: optionalString,
  HUZHU_PENDING_DAYS: z.preprocess(blankToUndefined, z.coerce.number().int().min(1).max(60).default(7)),
  WECHAT_SECRET: optionalString,
  WECHAT_SUBSCRIBE_TEMPLATE_CLAIM: optionalString,
  WECHAT_SUBSCRIBE_TEMPLATE_ENROLMENT: optionalString,
  WECHAT_API_BASE: z.preprocess(blankToUndefined, z.url({ protocol: /^https?$/ }).default('https://api.weixin.qq.com')),
})

export type NodeEnv = 'development' | 'test' | 'production'

/** Login codes and limits; the provider, its credentials and template ids come from `sms-config.ts`. */
export interface SmsConfig extends SmsProviderSettings {
  readonly fixedCode: string | undefined
  readonly codeTtlSeconds: number
  readonly maxAttempts: number
  readonly perPhoneIntervalSeconds: number
  readonly perPhoneDailyLimit: number
  readonly perIpHourlyLimit: number
  readonly perIpDailyLimit: number
  /** Login attempts (code checks) per IP in 10 minutes. */
  readonly perIpLoginAttempts: number
}

export interface Config {
  readonly nodeEnv: NodeEnv
  readonly isProduction: boolean
  readonly port: number
  readonly host: string | undefined
  readonly dataDir: string
  /** SQLite's file in the data folder (used when `database` is SQLite, and by the SQLite backup). */
  readonly databaseFile: string
  /** Where the data lives: that SQLite file, or PostgreSQL when `DATABASE_URL` is set (`db/open.ts`). */
  readonly database: DatabaseTarget
  /** Where claim material and rosters are kept: under the data folder, or an S3-compatible bucket (`files/blob-store-config.ts`). */
  readonly blobStore: BlobStoreSettings
  readonly cataloguesDir: string
  readonly staticDir: string | undefined
  /** Public base URL of the H5 app (e.g. https://huzhu.example.org) for links in QR codes; else the request's origin. */
  readonly publicUrl: string | undefined
  /** Seed demo accounts and data into an empty database at start (never in production). */
  readonly demoData: boolean
  /**
   * Reverse proxies in front of the server (0: none). The client's address is the one the
   * client-facing proxy saw: the `trustedProxies`-th `X-Forwarded-For` entry from the right.
   */
  readonly trustedProxies: number
  readonly logLevel: string
  readonly readPoolSize: number
  /** Check every response against its declared schema (default: outside production). */
  readonly checkResponses: boolean
  readonly secrets: Secrets
  readonly sms: SmsConfig
  readonly wechat: {
    readonly appId: string | undefined
    readonly secret: string | undefined
    readonly apiBase: string
    /** Subscribe-message template ids (订阅消息) for claim and enrolment status changes; none: no WeChat messages. */
    readonly subscribeTemplates: { readonly claim: string | undefined; readonly enrolment: string | undefined }
  }
  readonly sessionTtlDays: number
  /** WeChat Pay (微信支付 API v3) for premiums; none: members pay by transfer, confirmed by staff. */
  readonly wechatPay: WechatPaySettings | undefined
  /** Days an enrolment may wait for its premium before it expires (DOMAIN.md: 7 by default). */
  readonly pendingEnrolmentDays: number
  /** Setting or changing a profile's ID number: per account 3 an hour and 5 a day; per client IP this many an hour. */
  readonly idNumberChangesPerIpHourly: number
  /** Largest JSON request body, in bytes. */
  readonly jsonBodyLimit: number
}

export class ConfigError extends Error {
  constructor(readonly problems: string[]) {
    super(`configuration is invalid:\n${problems.map((p) => `  - ${p}`).join('\n')}`)
    this.name = 'ConfigError'
  }
}

export interface LoadedConfig {
  config: Config
  /** Things to log once a logger exists (e.g. a development key was generated). */
  warnings: string[]
}

function deepFreeze<T>(value: T): T {
  if (value && typeof value === 'object' && !Object.isFrozen(value) && !ArrayBuffer.isView(value)) {
    for (const v of Object.values(value)) deepFreeze(v)
    Object.freeze(value)
  }
  return value
}

/**
 * Parses the environment. Outside production a missing data or signing key is
 * generated once and kept in the data folder; in production a missing key, a
 * fixed SMS code or an unset SMS provider refuses to start.
 */
export interface ConfigOverrides {
  sms?: Partial<SmsConfig>
  jsonBodyLimit?: number
  sessionTtlDays?: number
  idNumberChangesPerIpHourly?: number
}

export function loadConfig(env: Record<string, string | undefined> = process.env, overrides: ConfigOverrides = {}): LoadedConfig {
  const parsed = envSchema.safeParse(env)
  if (!parsed.success) {
    throw new ConfigError(parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`))
  }
  const e = parsed.data
  const isProduction = e.NODE_ENV === 'production'
  const problems: string[] = []
  if (isProduction && e.SMS_FIXED_CODE !== undefined) problems.push('SMS_FIXED_CODE must not be set when NODE_ENV=production')
  if (isProduction && e.HUZHU_DEMO_DATA) problems.push('HUZHU_DEMO_DATA must not be set when NODE_ENV=production')
  if (isProduction && e.SMS_PROVIDER === undefined) problems.push('SMS_PROVIDER must be set when NODE_ENV=production')
  if ((e.WECHAT_APPID === undefined) !== (e.WECHAT_SECRET === undefined)) problems.push('WECHAT_APPID and WECHAT_SECRET go together')

  const wechatPay = readWechatPaySettings(env, { publicUrl: e.HUZHU_PUBLIC_URL?.replace(/\/+$/, ''), wechatAppId: e.WECHAT_APPID, isProduction }, problems)
  const dataDir = resolve(e.HUZHU_DATA_DIR)
  const warnings: string[] = []
  const secrets = resolveSecrets({
    dataDir, isProduction, dataKey: e.HUZHU_DATA_KEY, signingKey: e.HUZHU_SIGNING_KEY, signingKeyId: e.HUZHU_SIGNING_KEY_ID,
  }, problems, warnings)
  const smsSettings = readSmsSettings(env, { provider: e.SMS_PROVIDER ?? 'console', isProduction }, problems, warnings)
  const blobStore = readBlobStoreSettings(env, { isProduction }, problems, warnings)
  if (problems.length > 0 || !secrets) throw new ConfigError(problems)
  if (isProduction && e.SMS_PROVIDER === 'console') warnings.push('SMS_PROVIDER=console in production: codes are not delivered to anyone')

  const config: Config = {
    nodeEnv: e.NODE_ENV,
    isProduction,
    port: e.PORT,
    host: e.HUZHU_HOST,
    dataDir,
    databaseFile: join(dataDir, 'huzhu.sqlite'),
    database: e.DATABASE_URL === undefined
      ? { kind: 'sqlite', file: join(dataDir, 'huzhu.sqlite') }
      : { kind: 'postgres', url: e.DATABASE_URL, poolSize: e.HUZHU_DB_POOL_SIZE },
    blobStore,
    cataloguesDir: join(dataDir, 'catalogues'),
    staticDir: e.HUZHU_STATIC_DIR === undefined ? undefined : resolve(e.HUZHU_STATIC_DIR),
    publicUrl: e.HUZHU_PUBLIC_URL?.replace(/\/+$/, ''),
    demoData: e.HUZHU_DEMO_DATA,
    trustedProxies: e.HUZHU_TRUST_PROXY,
    logLevel: e.HUZHU_LOG_LEVEL,
    readPoolSize: e.HUZHU_READ_POOL_SIZE,
    checkResponses: e.HUZHU_CHECK_RESPONSES === undefined ? !isProduction : e.HUZHU_CHECK_RESPONSES === '1' || e.HUZHU_CHECK_RESPONSES === 'true',
    secrets,
    sms: {
      ...smsSettings,
      fixedCode: e.SMS_FIXED_CODE,
      codeTtlSeconds: 300,
      maxAttempts: 5,
      perPhoneIntervalSeconds: 60,
      perPhoneDailyLimit: 10,
      perIpHourlyLimit: e.SMS_IP_HOURLY_LIMIT,
      perIpDailyLimit: e.SMS_IP_DAILY_LIMIT,
      perIpLoginAttempts: 60,
      ...overrides.sms,
    },
    wechat: {
      appId: e.WECHAT_APPID, secret: e.WECHAT_SECRET, apiBase: e.WECHAT_API_BASE.replace(/\/+$/, ''),
      subscribeTemplates: { claim: e.WECHAT_SUBSCRIBE_TEMPLATE_CLAIM, enrolment: e.WECHAT_SUBSCRIBE_TEMPLATE_ENROLMENT },
    },
    sessionTtlDays: overrides.sessionTtlDays ?? 30,
    wechatPay,
    pendingEnrolmentDays: e.HUZHU_PENDING_DAYS,
    idNumberChangesPerIpHourly: overrides.idNumberChangesPerIpHourly ?? 60,
    jsonBodyLimit: overrides.jsonBodyLimit ?? 64 * 1024,
  }
  return { config: deepFreeze(config), warnings }
}
