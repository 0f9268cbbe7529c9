/**
 * SMS provider settings (Tencent Cloud SMS or Aliyun SMS), read from the
 * environment by `loadConfig`. A provider chosen with a credential, the sign
 * name or the login-code template missing is a problem in every environment (it
 * could not send anything); in production a missing notice template is one
 * too, elsewhere a warning (that notice then goes by WeChat or not at all).
 */

export const smsProviderNames = ['console', 'tencent', 'aliyun'] as const
export type SmsProviderName = (typeof smsProviderNames)[number]

/**
 * The messages sent by SMS, each a template approved in the provider's console.
 * Each has one variable (named for Aliyun's `${name}`, `{1}` for Tencent): the
 * login code's `code` (`sms-delivery.ts`), the notices' date (`start`,
 * `submitted`, `end`: `notifications/notification-sms.ts`); server/README.md lists them.
 */
export const smsTemplateNames = ['login_code', 'enrolment_active', 'claim_needs_material', 'claim_paid', 'claim_payment_failed', 'cover_ending'] as const
export type SmsTemplateName = (typeof smsTemplateNames)[number]

/** `login_code` → `SMS_TEMPLATE_LOGIN_CODE`. */
export const smsTemplateEnv = (name: SmsTemplateName): string => `SMS_TEMPLATE_${name.toUpperCase()}`

export interface TencentSmsSettings {
  readonly secretId: string
  readonly secretKey: string
  /** 短信 SdkAppId (digits), from the SMS console's application. */
  readonly sdkAppId: string
  /** The approved sign (签名) text, e.g. 陕西省总工会. */
  readonly signName: string
  readonly region: string
  /** Another API address than `https://sms.tencentcloudapi.com` (tests: a local fake). */
  readonly endpoint: string | undefined
}

export interface AliyunSmsSettings {
  readonly accessKeyId: string
  readonly accessKeySecret: string
  readonly signName: string
  /** Another API address than `https://dysmsapi.aliyuncs.com` (tests: a local fake). */
  readonly endpoint: string | undefined
}

export interface SmsProviderSettings {
  readonly provider: SmsProviderName
  /** Template id (Tencent: digits; Aliyun: `SMS_…`) per message; a missing one is not sent by SMS. */
  readonly templates: Readonly<Partial<Record<SmsTemplateName, string>>>
  readonly tencent: TencentSmsSettings | undefined
  readonly aliyun: AliyunSmsSettings | undefined
}

type Env = Record<string, string | undefined>

const value = (env: Env, name: string): string | undefined => {
  const v = env[name]?.trim()
  return v === undefined || v === '' ? undefined : v
}

/** Each variable's name when it is missing. */
const missingOf = (env: Env, names: readonly string[]) => names.filter((n) => value(env, n) === undefined)

function endpoint(env: Env, name: string, isProduction: boolean, problems: string[]): string | undefined {
  const v = value(env, name)
  if (v === undefined) return undefined
  let url: URL
  try {
    url = new URL(v)
  } catch {
    problems.push(`${name}: not a URL`)
    return undefined
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') problems.push(`${name}: http or https only`)
  else if (isProduction && url.protocol !== 'https:') problems.push(`${name} must be https when NODE_ENV=production (codes and phone numbers go through it)`)
  if (url.pathname !== '/' || url.search !== '') problems.push(`${name}: scheme, host and port only`)
  return `${url.protocol}//${url.host}`
}

const TENCENT = ['TENCENT_SMS_SECRET_ID', 'TENCENT_SMS_SECRET_KEY', 'TENCENT_SMS_SDK_APP_ID', 'TENCENT_SMS_SIGN_NAME'] as const
const ALIYUN = ['ALIYUN_SMS_ACCESS_KEY_ID', 'ALIYUN_SMS_ACCESS_KEY_SECRET', 'ALIYUN_SMS_SIGN_NAME'] as const

/**
 * Reads the chosen provider's settings and the template ids. Problems (refuse
 * to start) and warnings are appended to the lists given.
 */
export function readSmsSettings(
  env: Env, context: { provider: SmsProviderName; isProduction: boolean }, problems: string[], warnings: string[],
): SmsProviderSettings {
  const { provider, isProduction } = context
  const templates: Partial<Record<SmsTemplateName, string>> = {}
  for (const name of smsTemplateNames) {
    const id = value(env, smsTemplateEnv(name))
    if (id !== undefined) templates[name] = id
  }
  if (provider === 'console') return { provider, templates, tencent: undefined, aliyun: undefined }

  const credentials = provider === 'tencent' ? TENCENT : ALIYUN
  const missing = missingOf(env, [...credentials, smsTemplateEnv('login_code')])
  const notices = smsTemplateNames.filter((n) => n !== 'login_code' && templates[n] === undefined).map(smsTemplateEnv)
  if (isProduction) missing.push(...notices)
  else if (notices.length > 0) warnings.push(`SMS_PROVIDER=${provider} without ${notices.join(', ')}: those notices are not sent by SMS`)
  if (missing.length > 0) problems.push(`SMS_PROVIDER=${provider} is half configured: ${missing.join(', ')} missing`)

  if (provider === 'tencent') {
    const sdkAppId = value(env, 'TENCENT_SMS_SDK_APP_ID')
    if (sdkAppId !== undefined && !/^\d{6,12}$/.test(sdkAppId)) problems.push('TENCENT_SMS_SDK_APP_ID: the SdkAppId of the SMS console (digits, e.g. 1400006666)')
    const tencent: TencentSmsSettings = {
      secretId: value(env, 'TENCENT_SMS_SECRET_ID') ?? '',
      secretKey: value(env, 'TENCENT_SMS_SECRET_KEY') ?? '',
      sdkAppId: sdkAppId ?? '',
      signName: value(env, 'TENCENT_SMS_SIGN_NAME') ?? '',
      region: value(env, 'TENCENT_SMS_REGION') ?? 'ap-guangzhou',
      endpoint: endpoint(env, 'TENCENT_SMS_ENDPOINT', isProduction, problems),
    }
    return { provider, templates, tencent, aliyun: undefined }
  }
  const aliyun: AliyunSmsSettings = {
    accessKeyId: value(env, 'ALIYUN_SMS_ACCESS_KEY_ID') ?? '',
    accessKeySecret: value(env, 'ALIYUN_SMS_ACCESS_KEY_SECRET') ?? '',
    signName: value(env, 'ALIYUN_SMS_SIGN_NAME') ?? '',
    endpoint: endpoint(env, 'ALIYUN_SMS_ENDPOINT', isProduction, problems),
  }
  return { provider, templates, tencent: undefined, aliyun }
}
