import type { IncomingMessage } from 'node:http'
import type { AppContext } from './context'
import { badRequest, formatBytes, payloadTooLarge, unsupportedMediaType } from './errors'

/**
 * Reads a JSON request body, refusing more than `limit` bytes (by
 * Content-Length before reading, and while reading), anything but
 * `application/json`, compressed bodies, invalid UTF-8 and malformed JSON.
 * No body gives `undefined` (then the schema says what is missing).
 * (Promise steps by module-level functions rather than async functions: this runs on every API request with a body.)
 */
export function readJsonBody(ctx: AppContext, limit: number): Promise<unknown> {
  return readChecked(ctx, limit, parseBytes)
}

/** Decoded and parsed in one step of the promise. */
function parseBytes(bytes: Buffer): unknown {
  return parseJson(decodeText(bytes))
}

function parseJson(text: string | undefined): unknown {
  if (text === undefined) return undefined
  try {
    return JSON.parse(text) as unknown
  } catch {
    throw badRequest('body_invalid_json')
  }
}

/**
 * The same checks, answering the body's exact text (for a body whose bytes are
 * signed, like a payment notice): `undefined` when there is none. A refusal is a rejected promise.
 */
export function readJsonText(ctx: Pick<AppContext, 'request' | 'req' | 'get'>, limit: number): Promise<string | undefined> {
  return readChecked(ctx, limit, decodeText)
}

/** The body's bytes, after the checks, handed to `finish` in the same step; `undefined` when there is none, a refusal rejected. */
function readChecked<T>(ctx: Pick<AppContext, 'request' | 'req' | 'get'>, limit: number, finish: (bytes: Buffer) => T): Promise<T | undefined> {
  try {
    if (!hasJsonBody(ctx, limit)) return Promise.resolve(undefined)
  } catch (error) {
    return Promise.reject(error as Error)
  }
  return readAll(ctx.req, limit).then(finish)
}

/** False when there is no body at all; throws the 415 or 413 for a body this route cannot take. */
function hasJsonBody(ctx: Pick<AppContext, 'request' | 'req' | 'get'>, limit: number): boolean {
  if (ctx.request.length === 0) return false
  const type = jsonType(ctx)
  if (type === null) return false // no body at all
  if (type === false) throw unsupportedMediaType('content_type_unsupported')
  const encoding = ctx.get('Content-Encoding')
  if (encoding !== '' && encoding.toLowerCase() !== 'identity') throw unsupportedMediaType('content_type_unsupported')
  const declared = ctx.request.length
  if (declared !== undefined && declared > limit) throw bodyTooLarge(limit)
  return true
}

function decodeText(bytes: Buffer): string | undefined {
  if (bytes.length === 0) return undefined
  try {
    return utf8.decode(bytes)
  } catch {
    throw badRequest('body_invalid_json')
  }
}

/** Stateless when given a whole body at once (no `stream` option), so one serves every request. */
const utf8 = new TextDecoder('utf-8', { fatal: true })

/** What the app itself sends, recognised without parsing the header; anything else goes through type-is. */
const PLAIN_JSON: ReadonlySet<string> = new Set(['application/json', 'application/json; charset=utf-8', 'application/json;charset=utf-8'])

function jsonType(ctx: Pick<AppContext, 'request' | 'req'>): string | false | null {
  const header = ctx.req.headers['content-type']
  if (header !== undefined && PLAIN_JSON.has(header)) return 'application/json'
  return ctx.request.is('application/json', '+json')
}

function bodyTooLarge(limit: number): Error {
  return payloadTooLarge('body_too_large', { params: { limit: formatBytes(limit) } })
}

/** A body being read: kept on the request itself, so the listeners below are the same functions for every request. */
interface Reading {
  chunks: Buffer[]
  size: number
  limit: number
  done: (bytes: Buffer) => void
  fail: (error: Error) => void
}

const READING = Symbol('huzhu.readingBody')
type ReadingRequest = IncomingMessage & { [READING]?: Reading }

/**
 * The whole body, at most `limit` bytes: past that the request is destroyed and a 413 thrown (as an early exit
 * from its async iterator did). A client that goes away mid-body is ERR_STREAM_PREMATURE_CLOSE. Listeners rather
 * than `for await`: a small body, already in when this runs, costs no iterator and no extra ticks; module-level
 * listeners (the state on the request) rather than closures: nothing made per request but the state and the promise.
 */
function readAll(req: IncomingMessage, limit: number): Promise<Buffer> {
  if (req.readableEnded) return Promise.resolve(Buffer.alloc(0))
  if (req.destroyed) return Promise.reject(prematureClose())
  return new Promise((done, fail) => {
    (req as ReadingRequest)[READING] = { chunks: [], size: 0, limit, done, fail }
    req.on('data', onBodyData)
    req.on('end', onBodyEnd)
    req.on('error', onBodyError)
    req.on('close', onBodyClose)
  })
}

/** Stops reading: the listeners off, the state handed back (undefined if already stopped). */
function stopReading(req: ReadingRequest): Reading | undefined {
  const reading = req[READING]
  req[READING] = undefined
  req.off('data', onBodyData)
  req.off('end', onBodyEnd)
  req.off('error', onBodyError)
  req.off('close', onBodyClose)
  return reading
}

function onBodyData(this: ReadingRequest, chunk: Buffer): void {
  const reading = this[READING]
  if (!reading) return
  reading.size += chunk.length
  if (reading.size > reading.limit) {
    stopReading(this)
    this.destroy()
    reading.fail(bodyTooLarge(reading.limit))
    return
  }
  reading.chunks.push(chunk)
}

function onBodyEnd(this: ReadingRequest): void {
  const reading = stopReading(this)
  if (reading) reading.done(reading.chunks.length === 1 ? reading.chunks[0]! : Buffer.concat(reading.chunks, reading.size))
}

function onBodyError(this: ReadingRequest, error: Error): void {
  stopReading(this)?.fail(error)
}

function onBodyClose(this: ReadingRequest): void {
  stopReading(this)?.fail(prematureClose())
}

function prematureClose(): Error {
  return Object.assign(new Error('Premature close'), { code: 'ERR_STREAM_PREMATURE_CLOSE' })
}
