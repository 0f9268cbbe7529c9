import { createHash, createHmac, randomUUID, timingSafeEqual } from 'node:crypto'
import { createServer, type IncomingMessage, type Server } from 'node:http'
import { smsTemplateEnv, smsTemplateNames, type SmsTemplateName } from '../../src/features/accounts/sms-config'
import { listenOnLoopback } from './loopback'

/** A message the fake accepted. */
export interface FakeTencentSms {
  /** The 11-digit mainland number (without +86). */
  phone: string
  templateId: string
  params: string[]
  signName: string
}

export interface FakeTencentSmsServer {
  /** `http://127.0.0.1:<port>`: give it as TENCENT_SMS_ENDPOINT. */
  endpoint: string
  secretId: string
  /** The key the fake checks signatures with; change it to simulate a key rotated at Tencent. */
  secretKey: string
  sdkAppId: string
  signName: string
  /** Approved templates: id → number of variables. */
  templates: Map<string, number>
  sent: FakeTencentSms[]
  /** Every request's outcome code (`Ok` or the error code), in order. */
  outcomes: string[]
  /** The next N messages are refused per number with this code (e.g. LimitExceeded.PhoneNumberThirtySecondLimit). */
  refuseNext: { count: number; code: string }
  close(): Promise<void>
}

/** The template ids of the fake, one per message: `SMS_TEMPLATE_LOGIN_CODE=1000001`, …. */
export const tencentTemplateIds: Readonly<Record<SmsTemplateName, string>> = Object.fromEntries(
  smsTemplateNames.map((name, i) => [name, String(1_000_001 + i)]),
) as Record<SmsTemplateName, string>

/** The environment that points the server's Tencent provider at `fake` (every template configured). */
export function tencentSmsEnv(fake: FakeTencentSmsServer, overrides: { secretKey?: string } = {}): Record<string, string> {
  return {
    SMS_PROVIDER: 'tencent',
    TENCENT_SMS_SECRET_ID: fake.secretId,
    TENCENT_SMS_SECRET_KEY: overrides.secretKey ?? fake.secretKey,
    TENCENT_SMS_SDK_APP_ID: fake.sdkAppId,
    TENCENT_SMS_SIGN_NAME: fake.signName,
    TENCENT_SMS_ENDPOINT: fake.endpoint,
    ...Object.fromEntries(smsTemplateNames.map((name) => [smsTemplateEnv(name), tencentTemplateIds[name]])),
  }
}

const sha256 = (data: string | Buffer) => createHash('sha256').update(data).digest('hex')
const hmac = (key: string | Buffer, data: string) => createHmac('sha256', key).update(data).digest()

function readBody(req: IncomingMessage): Promise<Buffer> {
  return new Promise((done, fail) => {
    const chunks: Buffer[] = []
    req.on('data', (c: Buffer) => chunks.push(c))
    req.on('end', () => done(Buffer.concat(chunks)))
    req.on('error', fail)
  })
}

const AUTH = /^TC3-HMAC-SHA256 Credential=([^/]+)\/(\d{4}-\d{2}-\d{2})\/([^/]+)\/tc3_request, SignedHeaders=([a-z0-9;-]+), Signature=([0-9a-f]{64})$/

/**
 * Checks a request's TC3-HMAC-SHA256 signature the way Tencent Cloud API 3.0
 * does; returns the error code, or undefined when it holds. The service in the
 * credential scope must be the product the request was addressed to: the first
 * label of the host (`sms` for sms.tencentcloudapi.com; for this fake on
 * 127.0.0.1, `127`, which is what the SDK derives from the same host).
 */
function signatureProblem(fake: Pick<FakeTencentSmsServer, 'secretId' | 'secretKey'>, req: IncomingMessage, body: Buffer, nowSeconds: number): string | undefined {
  const match = AUTH.exec(req.headers.authorization ?? '')
  if (!match) return 'AuthFailure.InvalidAuthorization'
  const [, secretId, date, service, signedHeaders, signature] = match as unknown as [string, string, string, string, string, string]
  if (secretId !== fake.secretId) return 'AuthFailure.SecretIdNotFound'
  const timestamp = Number(req.headers['x-tc-timestamp'])
  if (!Number.isInteger(timestamp) || Math.abs(nowSeconds - timestamp) > 300) return 'AuthFailure.SignatureExpire'
  const hostname = (req.headers.host ?? '').replace(/:\d+$/, '').toLowerCase()
  if (date !== new Date(timestamp * 1000).toISOString().slice(0, 10) || service !== hostname.split('.')[0]) return 'AuthFailure.SignatureFailure'
  const names = signedHeaders.split(';')
  if (!names.includes('content-type') || !names.includes('host')) return 'AuthFailure.SignatureFailure'
  // Header names and values lower-cased and trimmed; the host without a port (the real endpoint has none).
  const canonicalHeaders = names.map((name) => `${name}:${(name === 'host' ? hostname : String(req.headers[name] ?? '')).trim().toLowerCase()}\n`).join('')
  const url = new URL(req.url ?? '/', 'http://x')
  const canonicalRequest = [req.method, url.pathname, url.search.slice(1), canonicalHeaders, signedHeaders, sha256(body)].join('\n')
  const stringToSign = ['TC3-HMAC-SHA256', String(timestamp), `${date}/${service}/tc3_request`, sha256(canonicalRequest)].join('\n')
  const key = hmac(hmac(hmac(`TC3${fake.secretKey}`, date), service), 'tc3_request')
  const expected = createHmac('sha256', key).update(stringToSign).digest()
  const given = Buffer.from(signature, 'hex')
  return given.length === expected.length && timingSafeEqual(given, expected) ? undefined : 'AuthFailure.SignatureFailure'
}

/** Error code of a SendSms body that Tencent refuses for the whole request; undefined when it is acceptable. */
function requestProblem(fake: Pick<FakeTencentSmsServer, 'sdkAppId' | 'signName' | 'templates'>, body: Record<string, unknown>): string | undefined {
  const phones = body.PhoneNumberSet
  if (!Array.isArray(phones) || phones.length === 0 || typeof body.SmsSdkAppId !== 'string' || typeof body.TemplateId !== 'string') return 'MissingParameter'
  if (body.SmsSdkAppId !== fake.sdkAppId) return 'InvalidParameterValue.SdkAppIdNotExist'
  if (typeof body.SignName !== 'string' || body.SignName === '') return 'MissingParameter.EmptySignName'
  if (body.SignName !== fake.signName) return 'FailedOperation.SignatureIncorrectOrUnapproved'
  const variables = fake.templates.get(body.TemplateId)
  if (variables === undefined) return 'FailedOperation.TemplateIncorrectOrUnapproved'
  const params = body.TemplateParamSet ?? []
  if (!Array.isArray(params) || params.some((p) => typeof p !== 'string') || params.length !== variables) return 'FailedOperation.TemplateParamSetNotMatchApprovedTemplate'
  return undefined
}

/**
 * A local stand-in for sms.tencentcloudapi.com's `SendSms` (2021-01-11): checks
 * the TC3-HMAC-SHA256 signature with its own key, the action, version and
 * region headers, the required fields, the sign name and the template with its
 * number of variables, and answers as Tencent does: HTTP 200 with
 * `Response.Error` for a refused request, or `Response.SendStatusSet` with a
 * code per number (`Ok`, or a limit such as LimitExceeded.PhoneNumberThirtySecondLimit).
 */
export async function startFakeTencentSms(options: { secretKey?: string } = {}): Promise<FakeTencentSmsServer> {
  const fake: Omit<FakeTencentSmsServer, 'endpoint' | 'close'> = {
    secretId: 'AKIDfaketencentsms0001',
    secretKey: options.secretKey ?? 'fake-tencent-secret-key',
    sdkAppId: '1400006666',
    signName: '互助测试',
    templates: new Map(smsTemplateNames.map((name) => [tencentTemplateIds[name], 1])),
    sent: [],
    outcomes: [],
    refuseNext: { count: 0, code: '' },
  }
  const server: Server = createServer((req, res) => {
    void (async () => {
      const body = await readBody(req)
      const RequestId = randomUUID()
      const answer = (response: Record<string, unknown>, outcome: string) => {
        fake.outcomes.push(outcome)
        res.writeHead(200, { 'content-type': 'application/json', 'x-tc-traceid': randomUUID() })
        res.end(JSON.stringify({ Response: { ...response, RequestId } }))
      }
      const refuse = (Code: string) => answer({ Error: { Code, Message: `refused: ${Code}` } }, Code)
      if (req.method !== 'POST' || new URL(req.url ?? '/', 'http://x').pathname !== '/') return refuse('InvalidAction')
      const signature = signatureProblem(fake, req, body, Math.floor(Date.now() / 1000))
      if (signature) return refuse(signature)
      if (req.headers['x-tc-action'] !== 'SendSms') return refuse('InvalidAction')
      if (req.headers['x-tc-version'] !== '2021-01-11') return refuse('NoSuchVersion')
      if (!req.headers['x-tc-region']) return refuse('MissingParameter')
      let parsed: Record<string, unknown>
      try {
        parsed = JSON.parse(body.toString('utf8')) as Record<string, unknown>
      } catch {
        return refuse('FailedOperation.FailResolvePacket')
      }
      const problem = requestProblem(fake, parsed)
      if (problem) return refuse(problem)
      const SendStatusSet = (parsed.PhoneNumberSet as unknown[]).map((number) => {
        const status = (Code: string, Message: string) => ({ SerialNo: randomUUID(), PhoneNumber: String(number), Fee: Code === 'Ok' ? 1 : 0, SessionContext: '', Code, Message, IsoCode: 'CN' })
        const phone = /^\+86(1\d{10})$/.exec(String(number))?.[1]
        if (!phone) return status('InvalidParameterValue.IncorrectPhoneNumber', 'incorrect phone number')
        if (fake.refuseNext.count > 0) {
          fake.refuseNext.count--
          return status(fake.refuseNext.code, 'refused')
        }
        fake.sent.push({ phone, templateId: parsed.TemplateId as string, params: (parsed.TemplateParamSet as string[] | undefined) ?? [], signName: parsed.SignName as string })
        return status('Ok', 'send success')
      })
      answer({ SendStatusSet }, SendStatusSet.map((s) => s.Code).join(','))
    })().catch(() => {
      res.writeHead(500)
      res.end()
    })
  })
  const { url, close } = await listenOnLoopback(server)
  return Object.assign(fake, { endpoint: url, close })
}
