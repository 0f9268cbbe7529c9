import { deflateSync } from 'node:zlib'
import type { TestUser } from './login'
import type { TestApp } from './test-app'

function crc32(bytes: Buffer): number {
  let crc = 0xffffffff
  for (const byte of bytes) {
    crc ^= byte
    for (let k = 0; k < 8; k++) crc = crc & 1 ? (crc >>> 1) ^ 0xedb88320 : crc >>> 1
  }
  return (crc ^ 0xffffffff) >>> 0
}

function pngChunk(type: string, data: Buffer): Buffer {
  const length = Buffer.alloc(4)
  length.writeUInt32BE(data.length)
  const body = Buffer.concat([Buffer.from(type, 'ascii'), data])
  const crc = Buffer.alloc(4)
  crc.writeUInt32BE(crc32(body))
  return Buffer.concat([length, body, crc])
}

/**
 * A real PNG of `width` × `height` RGB pixels; `seed` changes the colour (and so
 * the hash). With `headerOnly`, just the header claiming that size (a decompression bomb's shape).
 */
export function makePng(width: number, height: number, seed = 0, headerOnly = false): Buffer {
  const ihdr = Buffer.alloc(13)
  ihdr.writeUInt32BE(width, 0)
  ihdr.writeUInt32BE(height, 4)
  ihdr.set([8, 2, 0, 0, 0], 8)
  const signature = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])
  if (headerOnly) return Buffer.concat([signature, pngChunk('IHDR', ihdr), pngChunk('IEND', Buffer.alloc(0))])
  const row = Buffer.alloc(1 + width * 3)
  for (let x = 0; x < width; x++) row.set([(seed * 37) & 255, (seed * 11 + x) & 255, (seed >> 8) & 255], 1 + x * 3)
  const raw = Buffer.concat(Array.from({ length: height }, () => row))
  return Buffer.concat([signature, pngChunk('IHDR', ihdr), pngChunk('IDAT', deflateSync(raw)), pngChunk('IEND', Buffer.alloc(0))])
}

/** A JPEG's markers (SOI, JFIF, SOF0 with the size, EOI) followed by `padding` bytes: enough for type and size detection. */
export function makeJpeg(width: number, height: number, padding = 0): Buffer {
  const app0 = Buffer.from([0xff, 0xe0, 0x00, 0x10, 0x4a, 0x46, 0x49, 0x46, 0x00, 0x01, 0x01, 0x00, 0x00, 0x01, 0x00, 0x01, 0x00, 0x00])
  const sof = Buffer.from([0xff, 0xc0, 0x00, 0x11, 0x08, height >> 8, height & 255, width >> 8, width & 255, 0x03, 0x01, 0x22, 0x00, 0x02, 0x11, 0x01, 0x03, 0x11, 0x01])
  return Buffer.concat([Buffer.from([0xff, 0xd8]), app0, sof, Buffer.alloc(padding, 0x20), Buffer.from([0xff, 0xd9])])
}

export function makePdf(text = 'huzhu'): Buffer {
  return Buffer.from(`%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\n% ${text}\ntrailer << /Root 1 0 R >>\n%%EOF\n`, 'latin1')
}

/** Records the medical-data consent over HTTP (needed before uploads and claims). */
export async function giveMedicalConsent(app: TestApp, user: TestUser): Promise<void> {
  const res = await app.api.post('/api/v1/me/consents', { kind: 'medical_data', textVersion: 'test' }, { token: user.token })
  if (res.status !== 201) throw new Error(`consents answered ${res.status}: ${res.text}`)
}

/** POST /api/v1/uploads with raw bytes. */
export function postUpload(app: TestApp, user: TestUser, bytes: Uint8Array, contentType = 'image/jpeg') {
  return app.api.post('/api/v1/uploads', undefined, { token: user.token, rawBody: bytes, headers: { 'content-type': contentType } })
}

let seed = 1

/** Uploads a fresh PNG (new bytes each call) and returns its id. */
export async function uploadPhoto(app: TestApp, user: TestUser, bytes: Buffer = makePng(4, 3, seed++)): Promise<string> {
  const res = await postUpload(app, user, bytes, 'image/png')
  if (res.status !== 201) throw new Error(`uploads answered ${res.status}: ${res.text}`)
  return res.body.id as string
}
