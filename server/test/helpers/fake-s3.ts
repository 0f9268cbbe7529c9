import { createHash, createHmac, timingSafeEqual } from 'node:crypto'
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http'
import { listenOnLoopback } from './loopback'

export interface FakeS3Object {
  body: Buffer
  contentType: string
  /** The `x-amz-server-side-encryption` it was stored with, if any. */
  serverSideEncryption: string | undefined
  etag: string
  lastModified: Date
}

export interface FakeS3 {
  /** `http://127.0.0.1:<port>`: path-style only (`/<bucket>/<key>`). */
  endpoint: string
  region: string
  bucket: string
  accessKeyId: string
  secretAccessKey: string
  objects: Map<string, FakeS3Object>
  /** Every request that passed authentication: `PUT uploads/ab/cd/<sha> 200`. */
  log: string[]
  /** Requests refused for their signature, key id, region or date. */
  refused: string[]
  /** The next N object writes answer 503 SlowDown (a busy service), after their body was read. */
  failPuts: { count: number }
  /** The server's environment for this store. */
  env(): Record<string, string>
  close(): Promise<void>
}

/** RFC 3986 encoding, as SigV4 wants it (encodeURIComponent leaves !'()* alone). */
const rfc3986 = (text: string) => encodeURIComponent(text).replace(/[!'()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`)
const sha256Hex = (data: string | Buffer) => createHash('sha256').update(data).digest('hex')
const hmac = (key: string | Buffer, data: string) => createHmac('sha256', key).update(data, 'utf8').digest()
const xmlText = (text: string) => text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;')

class S3Refusal extends Error {
  constructor(readonly status: number, readonly code: string, message: string) {
    super(message)
  }
}

/** The canonical query string: every parameter decoded, then RFC 3986 encoded, sorted by name then value. */
function canonicalQuery(rawQuery: string): string {
  if (rawQuery === '') return ''
  const pairs = rawQuery.split('&').filter(Boolean).map((part) => {
    const eq = part.indexOf('=')
    const name = decodeURIComponent((eq < 0 ? part : part.slice(0, eq)).replace(/\+/g, '%20'))
    const value = eq < 0 ? '' : decodeURIComponent(part.slice(eq + 1).replace(/\+/g, '%20'))
    return [rfc3986(name), rfc3986(value)] as const
  })
  pairs.sort(([a, av], [b, bv]) => (a < b ? -1 : a > b ? 1 : av < bv ? -1 : av > bv ? 1 : 0))
  return pairs.map(([n, v]) => `${n}=${v}`).join('&')
}

/**
 * Checks a request's AWS Signature Version 4 (`Authorization` header form) the
 * way S3 does: the key id and region, `x-amz-date` within 15 minutes, `host` and
 * `x-amz-content-sha256` signed, and the signature over the canonical request.
 */
function verifySignature(req: IncomingMessage, rawPath: string, rawQuery: string, fake: Pick<FakeS3, 'accessKeyId' | 'secretAccessKey' | 'region'>): void {
  const auth = req.headers.authorization ?? ''
  const match = /^AWS4-HMAC-SHA256 Credential=([^/]+)\/(\d{8})\/([^/]+)\/s3\/aws4_request, ?SignedHeaders=([a-z0-9;-]+), ?Signature=([0-9a-f]{64})$/.exec(auth)
  if (!match) throw new S3Refusal(403, 'AccessDenied', 'Access Denied')
  const [, keyId, date, region, signedHeaders, signature] = match as unknown as [string, string, string, string, string, string]
  if (keyId !== fake.accessKeyId) throw new S3Refusal(403, 'InvalidAccessKeyId', 'The AWS Access Key Id you provided does not exist in our records.')
  if (region !== fake.region) throw new S3Refusal(400, 'AuthorizationHeaderMalformed', `the region '${region}' is wrong; expecting '${fake.region}'`)
  const amzDate = String(req.headers['x-amz-date'] ?? '')
  const when = /^(\d{4})(\d{2})(\d{2})T(\d{2})(\d{2})(\d{2})Z$/.exec(amzDate)
  if (!when || amzDate.slice(0, 8) !== date) throw new S3Refusal(403, 'AccessDenied', 'x-amz-date is missing or does not match the credential scope')
  const at = Date.UTC(+when[1]!, +when[2]! - 1, +when[3]!, +when[4]!, +when[5]!, +when[6]!)
  if (Math.abs(Date.now() - at) > 15 * 60_000) throw new S3Refusal(403, 'RequestTimeTooSkewed', 'The difference between the request time and the current time is too large.')
  const names = signedHeaders.split(';')
  if (!names.includes('host') || !names.includes('x-amz-content-sha256')) throw new S3Refusal(403, 'AccessDenied', 'host and x-amz-content-sha256 must be signed')
  const headerLine = (name: string) => {
    const value = req.headers[name]
    const text = Array.isArray(value) ? value.join(',') : String(value ?? '')
    return `${name}:${text.trim().replace(/\s+/g, ' ')}`
  }
  const canonicalPath = rawPath.split('/').map((segment) => rfc3986(decodeURIComponent(segment))).join('/')
  const canonicalRequest = [
    req.method, canonicalPath, canonicalQuery(rawQuery), ...names.map(headerLine), '', signedHeaders, String(req.headers['x-amz-content-sha256']),
  ].join('\n')
  const stringToSign = ['AWS4-HMAC-SHA256', amzDate, `${date}/${region}/s3/aws4_request`, sha256Hex(canonicalRequest)].join('\n')
  const key = hmac(hmac(hmac(hmac(`AWS4${fake.secretAccessKey}`, date), region), 's3'), 'aws4_request')
  const expected = Buffer.from(hmac(key, stringToSign).toString('hex'))
  if (!timingSafeEqual(expected, Buffer.from(signature))) {
    throw new S3Refusal(403, 'SignatureDoesNotMatch', 'The request signature we calculated does not match the signature you provided. Check your key and signing method.')
  }
}

async function readBody(req: IncomingMessage): Promise<Buffer> {
  const chunks: Buffer[] = []
  for await (const chunk of req) chunks.push(chunk as Buffer)
  return Buffer.concat(chunks)
}

/**
 * A local S3-compatible object store for tests, one bucket, objects in memory:
 * PutObject, GetObject, HeadObject, DeleteObject and ListObjectsV2, answered as
 * S3 answers them (404 `NoSuchKey` XML, an empty 404 to HEAD). Every request
 * must carry a valid SigV4 signature made with the configured keys (else 403
 * `SignatureDoesNotMatch`, …), and a signed payload hash must match the body.
 * Like several S3-compatible services it does not take `aws-chunked` bodies
 * (the SDK's trailing checksums): 501 `NotImplemented`.
 */
export async function startFakeS3(options: { bucket?: string; region?: string; accessKeyId?: string; secretAccessKey?: string } = {}): Promise<FakeS3> {
  const fake = {
    region: options.region ?? 'ap-guangzhou',
    bucket: options.bucket ?? 'huzhu-test-1250000000',
    accessKeyId: options.accessKeyId ?? 'AKIDFAKES3TEST',
    secretAccessKey: options.secretAccessKey ?? 'fake-s3-secret-key',
    objects: new Map<string, FakeS3Object>(),
    log: [] as string[],
    refused: [] as string[],
    failPuts: { count: 0 },
  }
  let requestNumber = 0

  const send = (res: ServerResponse, status: number, headers: Record<string, string | number>, body?: Buffer | string) => {
    res.writeHead(status, { 'x-amz-request-id': `FAKE${++requestNumber}`, ...headers })
    res.end(body)
  }
  const sendError = (res: ServerResponse, method: string, status: number, code: string, message: string, key?: string) => {
    if (method === 'HEAD') return send(res, status, {})
    const xml = `<?xml version="1.0" encoding="UTF-8"?>\n<Error><Code>${code}</Code><Message>${xmlText(message)}</Message>${key === undefined ? '' : `<Key>${xmlText(key)}</Key>`}<RequestId>FAKE${requestNumber + 1}</RequestId></Error>`
    send(res, status, { 'content-type': 'application/xml' }, xml)
  }

  const listObjects = (res: ServerResponse, query: URLSearchParams) => {
    const prefix = query.get('prefix') ?? ''
    const maxKeys = Math.min(Number(query.get('max-keys') ?? 1000) || 1000, 1000)
    const after = query.get('continuation-token') ?? query.get('start-after') ?? ''
    const keys = [...fake.objects.keys()].filter((k) => k.startsWith(prefix) && k > after).sort()
    const page = keys.slice(0, maxKeys)
    const truncated = keys.length > page.length
    const contents = page.map((k) => {
      const o = fake.objects.get(k)!
      return `<Contents><Key>${xmlText(k)}</Key><LastModified>${o.lastModified.toISOString()}</LastModified><ETag>&quot;${o.etag}&quot;</ETag><Size>${o.body.length}</Size><StorageClass>STANDARD</StorageClass></Contents>`
    }).join('')
    const xml = `<?xml version="1.0" encoding="UTF-8"?>\n<ListBucketResult xmlns="http://s3.amazonaws.com/doc/2006-03-01/"><Name>${fake.bucket}</Name><Prefix>${xmlText(prefix)}</Prefix>`
      + `<KeyCount>${page.length}</KeyCount><MaxKeys>${maxKeys}</MaxKeys><IsTruncated>${truncated}</IsTruncated>`
      + (truncated ? `<NextContinuationToken>${xmlText(page[page.length - 1]!)}</NextContinuationToken>` : '') + `${contents}</ListBucketResult>`
    send(res, 200, { 'content-type': 'application/xml' }, xml)
  }

  const handle = async (req: IncomingMessage, res: ServerResponse) => {
    const method = req.method ?? 'GET'
    const url = req.url ?? '/'
    const q = url.indexOf('?')
    const rawPath = q < 0 ? url : url.slice(0, q)
    const rawQuery = q < 0 ? '' : url.slice(q + 1)
    const query = new URLSearchParams(rawQuery)
    const [, bucket = '', ...rest] = rawPath.split('/')
    const key = rest.map((s) => decodeURIComponent(s)).join('/')
    const name = `${method} ${key || `/${bucket}`}`
    try {
      verifySignature(req, rawPath, rawQuery, fake)
    } catch (error) {
      if (!(error instanceof S3Refusal)) throw error
      await readBody(req)
      fake.refused.push(`${name} ${error.code}`)
      return sendError(res, method, error.status, error.code, error.message)
    }
    const body = await readBody(req)
    const contentHash = String(req.headers['x-amz-content-sha256'])
    if (/^STREAMING-/.test(contentHash) || /aws-chunked/.test(String(req.headers['content-encoding'] ?? ''))) {
      fake.log.push(`${name} 501`)
      return sendError(res, method, 501, 'NotImplemented', 'aws-chunked bodies (streaming signatures, trailing checksums) are not supported')
    }
    if (contentHash !== 'UNSIGNED-PAYLOAD' && contentHash !== sha256Hex(body)) {
      fake.log.push(`${name} 400`)
      return sendError(res, method, 400, 'XAmzContentSHA256Mismatch', 'The provided x-amz-content-sha256 header does not match what was computed.')
    }
    if (bucket !== fake.bucket) return sendError(res, method, 404, 'NoSuchBucket', 'The specified bucket does not exist')

    if (key === '') {
      if (method === 'GET' && query.get('list-type') === '2') {
        fake.log.push(`LIST ${query.get('prefix') ?? ''} 200`)
        return listObjects(res, query)
      }
      return sendError(res, method, 501, 'NotImplemented', 'only ListObjectsV2 on the bucket')
    }
    const object = fake.objects.get(key)
    const record = (status: number) => fake.log.push(`${name} ${status}`)
    switch (method) {
      case 'PUT': {
        if (req.headers['x-amz-copy-source'] !== undefined) return sendError(res, method, 501, 'NotImplemented', 'CopyObject is not supported')
        if (fake.failPuts.count > 0) {
          fake.failPuts.count--
          record(503)
          return sendError(res, method, 503, 'SlowDown', 'Please reduce your request rate.')
        }
        const sse = req.headers['x-amz-server-side-encryption'] as string | undefined
        const etag = createHash('md5').update(body).digest('hex')
        fake.objects.set(key, { body, contentType: String(req.headers['content-type'] ?? 'binary/octet-stream'), serverSideEncryption: sse, etag, lastModified: new Date() })
        record(200)
        return send(res, 200, { etag: `"${etag}"`, ...(sse ? { 'x-amz-server-side-encryption': sse } : {}) })
      }
      case 'GET':
      case 'HEAD': {
        if (!object) {
          record(404)
          return sendError(res, method, 404, 'NoSuchKey', 'The specified key does not exist.', key)
        }
        record(200)
        const headers = {
          'content-type': object.contentType, 'content-length': object.body.length, etag: `"${object.etag}"`, 'last-modified': object.lastModified.toUTCString(),
          ...(object.serverSideEncryption ? { 'x-amz-server-side-encryption': object.serverSideEncryption } : {}),
        }
        return send(res, 200, headers, method === 'GET' ? object.body : undefined)
      }
      case 'DELETE':
        fake.objects.delete(key)
        record(204)
        return send(res, 204, {})
      default:
        return sendError(res, method, 405, 'MethodNotAllowed', 'The specified method is not allowed against this resource.')
    }
  }

  const server: Server = createServer((req, res) => {
    handle(req, res).catch((error: unknown) => {
      if (!res.headersSent) sendError(res, req.method ?? 'GET', 500, 'InternalError', String(error))
      else res.destroy()
    })
  })
  const { url: endpoint, close } = await listenOnLoopback(server)
  return Object.assign(fake, {
    endpoint,
    env: () => ({
      HUZHU_BLOB_STORE: 's3', S3_ENDPOINT: endpoint, S3_REGION: fake.region, S3_BUCKET: fake.bucket,
      S3_ACCESS_KEY_ID: fake.accessKeyId, S3_SECRET_ACCESS_KEY: fake.secretAccessKey, S3_FORCE_PATH_STYLE: '1',
    }),
    close,
  })
}
