import { createHash, createHmac, randomUUID, timingSafeEqual } from 'node:crypto'
import { createServer, type IncomingMessage, type Server } from 'node:http'
import { smsTemplateEnv, smsTemplateNames, type SmsTemplateName } from '../../src/features/accounts/sms-config'
import { listenOnLoopback } from './loopback'

/** A message the fake accepted. */
export interface FakeAliyunSms {
  phone: string
  templateCode: string
  params: Record<string, string>
  signName: string
}

export interface FakeAliyunSmsServer {
  /** `http://127.0.0.1:<port>`: give it as ALIYUN_SMS_ENDPOINT. */
  endpoint: string
  accessKeyId: string
  /** The secret the fake checks signatures with; change it to simulate a key rotated at Aliyun. */
  accessKeySecret: string
  signName: string
  /** Approved templates: code → the names of its variables. */
  templates: Map<string, string[]>
  sent: FakeAliyunSms[]
  /** Every request's outcome code (`OK` or the error code), in order. */
  outcomes: string[]
  /** The next N messages are refused with this code (e.g. isv.BUSINESS_LIMIT_CONTROL). */
  refuseNext: { count: number; code: string }
  close(): Promise<void>
}

/** The template codes of the fake, one per message: `SMS_TEMPLATE_LOGIN_CODE=SMS_900001`, …. */
export const aliyunTemplateCodes: Readonly<Record<SmsTemplateName, string>> = Object.fromEntries(
  smsTemplateNames.map((name, i) => [name, `SMS_${900_001 + i}`]),
) as Record<SmsTemplateName, string>

/** The variable each template of the fake has (the server's names: code, start, submitted, end). */
const VARIABLES: Readonly<Record<SmsTemplateName, string>> = {
  login_code: 'code', enrolment_active: 'start', claim_needs_material: 'submitted', claim_paid: 'submitted', claim_payment_failed: 'submitted', cover_ending: 'end',
}

/** The environment that points the server's Aliyun provider at `fake` (every template configured). */
export function aliyunSmsEnv(fake: FakeAliyunSmsServer, overrides: { accessKeySecret?: string } = {}): Record<string, string> {
  return {
    SMS_PROVIDER: 'aliyun',
    ALIYUN_SMS_ACCESS_KEY_ID: fake.accessKeyId,
    ALIYUN_SMS_ACCESS_KEY_SECRET: overrides.accessKeySecret ?? fake.accessKeySecret,
    ALIYUN_SMS_SIGN_NAME: fake.signName,
    ALIYUN_SMS_ENDPOINT: fake.endpoint,
    ...Object.fromEntries(smsTemplateNames.map((name) => [smsTemplateEnv(name), aliyunTemplateCodes[name]])),
  }
}

const sha256 = (data: string | Buffer) => createHash('sha256').update(data).digest('hex')

/** RFC 3986 percent-encoding, as the V3 canonical query string wants it. */
const encode = (s: string) => encodeURIComponent(s).replace(/[!'()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`)

function readBody(req: IncomingMessage): Promise<Buffer> {
  return new Promise((done, fail) => {
    const chunks: Buffer[] = []
    req.on('data', (c: Buffer) => chunks.push(c))
    req.on('end', () => done(Buffer.concat(chunks)))
    req.on('error', fail)
  })
}

const AUTH = /^ACS3-HMAC-SHA256 Credential=([^,]+),SignedHeaders=([a-z0-9;-]+),Signature=([0-9a-f]{64})$/

/** An HTTP error answer of Aliyun's gateway. */
interface Refusal { status: number; code: string }

/**
 * Checks the V3 signature (ACS3-HMAC-SHA256) the way Aliyun's gateway does: a
 * known AccessKey id, `x-acs-date` within 15 minutes, a nonce never seen,
 * `x-acs-content-sha256` equal to the body's hash, every `x-acs-*` header and
 * `host` signed, and the signature over the canonical request (method, path,
 * sorted and encoded query, lower-cased sorted headers, signed header names,
 * the body's hash) with the AccessKey secret.
 */
function signatureRefusal(fake: Pick<FakeAliyunSmsServer, 'accessKeyId' | 'accessKeySecret'>, nonces: Set<string>, req: IncomingMessage, body: Buffer): Refusal | undefined {
  const match = AUTH.exec(req.headers.authorization ?? '')
  if (!match) return { status: 400, code: 'IncompleteSignature' }
  const [, accessKeyId, signedHeaders, signature] = match as unknown as [string, string, string, string]
  if (accessKeyId !== fake.accessKeyId) return { status: 404, code: 'InvalidAccessKeyId.NotFound' }
  const date = Date.parse(String(req.headers['x-acs-date'] ?? ''))
  if (!/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}Z$/.test(String(req.headers['x-acs-date'])) || Math.abs(Date.now() - date) > 15 * 60_000) {
    return { status: 400, code: 'InvalidTimeStamp.Expired' }
  }
  const nonce = String(req.headers['x-acs-signature-nonce'] ?? '')
  if (nonce === '' || nonces.has(nonce)) return { status: 400, code: 'SignatureNonceUsed' }
  nonces.add(nonce)
  const names = signedHeaders.split(';')
  const mustSign = Object.keys(req.headers).filter((h) => h.startsWith('x-acs-') || h === 'host' || h === 'content-type')
  if (mustSign.some((h) => !names.includes(h)) || names.some((h) => req.headers[h] === undefined)) return { status: 400, code: 'IncompleteSignature' }
  const hashedPayload = sha256(body)
  if (req.headers['x-acs-content-sha256'] !== hashedPayload) return { status: 400, code: 'SignatureDoesNotMatch' }

  const url = new URL(req.url ?? '/', 'http://x')
  const query = [...url.searchParams.entries()].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)).map(([k, v]) => `${encode(k)}=${encode(v)}`).join('&')
  const headers = [...names].sort().map((h) => `${h}:${String(req.headers[h]).trim()}\n`).join('')
  const canonicalRequest = [req.method, url.pathname, query, headers, signedHeaders, hashedPayload].join('\n')
  const stringToSign = `ACS3-HMAC-SHA256\n${sha256(canonicalRequest)}`
  const expected = createHmac('sha256', fake.accessKeySecret).update(stringToSign).digest()
  const given = Buffer.from(signature, 'hex')
  return given.length === expected.length && timingSafeEqual(given, expected) ? undefined : { status: 400, code: 'SignatureDoesNotMatch' }
}

/**
 * A local stand-in for dysmsapi.aliyuncs.com's `SendSms` (2017-05-25, RPC style,
 * parameters in the query): checks the V3 signature with its own secret, the
 * action and version headers and the required parameters (HTTP 4xx JSON errors,
 * as the gateway answers), then answers HTTP 200 with `Code`: `OK` and a BizId,
 * or a refusal such as isv.SMS_TEMPLATE_ILLEGAL, isv.TEMPLATE_MISSING_PARAMETERS,
 * isv.MOBILE_NUMBER_ILLEGAL or a rate limit (isv.BUSINESS_LIMIT_CONTROL).
 */
export async function startFakeAliyunSms(options: { accessKeySecret?: string } = {}): Promise<FakeAliyunSmsServer> {
  const fake: Omit<FakeAliyunSmsServer, 'endpoint' | 'close'> = {
    accessKeyId: 'LTAIfakealiyunsms001',
    accessKeySecret: options.accessKeySecret ?? 'fake-aliyun-access-key-secret',
    signName: '互助测试',
    templates: new Map(smsTemplateNames.map((name) => [aliyunTemplateCodes[name], [VARIABLES[name]]])),
    sent: [],
    outcomes: [],
    refuseNext: { count: 0, code: '' },
  }
  const nonces = new Set<string>()
  const server: Server = createServer((req, res) => {
    void (async () => {
      const body = await readBody(req)
      const RequestId = randomUUID()
      const answer = (status: number, Code: string, extra: Record<string, unknown> = {}) => {
        fake.outcomes.push(Code)
        res.writeHead(status, { 'content-type': 'application/json;charset=utf-8' })
        res.end(JSON.stringify({ RequestId, Code, Message: Code === 'OK' ? 'OK' : `refused: ${Code}`, ...extra }))
      }
      const refusal = signatureRefusal(fake, nonces, req, body)
      if (refusal) return answer(refusal.status, refusal.code, { HostId: req.headers.host, Recommend: 'https://api.aliyun.com/troubleshoot' })
      if (req.method !== 'POST' || req.headers['x-acs-action'] !== 'SendSms') return answer(404, 'InvalidAction.NotFound')
      if (req.headers['x-acs-version'] !== '2017-05-25') return answer(400, 'InvalidVersion')
      const q = new URL(req.url ?? '/', 'http://x').searchParams
      for (const name of ['PhoneNumbers', 'SignName', 'TemplateCode']) if (!q.get(name)) return answer(400, `Missing${name}`)
      const phone = q.get('PhoneNumbers')!
      if (!/^1\d{10}$/.test(phone)) return answer(200, 'isv.MOBILE_NUMBER_ILLEGAL')
      if (q.get('SignName') !== fake.signName) return answer(200, 'isv.SMS_SIGNATURE_ILLEGAL')
      const variables = fake.templates.get(q.get('TemplateCode')!)
      if (!variables) return answer(200, 'isv.SMS_TEMPLATE_ILLEGAL')
      let params: Record<string, string> = {}
      try {
        params = JSON.parse(q.get('TemplateParam') ?? '{}') as Record<string, string>
      } catch {
        return answer(200, 'isv.INVALID_JSON_PARAM')
      }
      if (variables.some((v) => typeof params[v] !== 'string' || params[v] === '')) return answer(200, 'isv.TEMPLATE_MISSING_PARAMETERS')
      if (fake.refuseNext.count > 0) {
        fake.refuseNext.count--
        return answer(200, fake.refuseNext.code)
      }
      fake.sent.push({ phone, templateCode: q.get('TemplateCode')!, params, signName: q.get('SignName')! })
      answer(200, 'OK', { BizId: `${Date.now()}^0` })
    })().catch(() => {
      res.writeHead(500)
      res.end()
    })
  })
  const { url, close } = await listenOnLoopback(server)
  return Object.assign(fake, { endpoint: url, close })
}
