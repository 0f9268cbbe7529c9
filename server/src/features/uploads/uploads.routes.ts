import type { Readable } from 'node:stream'
import { endpoints, MAX_UPLOAD_BYTES, uploadMediaTypes } from '@huzhu/shared'
import { defineRoute } from '../../http/route'
import { currentUser } from '../accounts/access'
import { auditActorOf } from '../audit/audit.service'
import { discardFile, photoKey, receiveFile, storeFile } from './upload-files'
import { presentUpload } from './uploads.presenter'
import { assertMedicalConsent, recordUpload, uploadForReader } from './uploads.service'
import { uploadParamsSchema } from './schema'

const tags = ['claims']

export const createUpload = defineRoute({
  endpoint: endpoints.uploads.createUpload, tags, access: 'signed_in',
  summary: 'Upload one photo or PDF of claim material as the raw request body (JPEG, PNG, WebP, HEIC or PDF, known from the bytes; at most 10 MB); needs the medical_data consent',
  rawBody: { description: 'the file’s bytes; its type is read from them, whatever Content-Type says', mediaTypes: uploadMediaTypes },
  responses: { 201: { description: 'Stored' } },
  errors: [403, 413, 415, 422],
  async handler(ctx) {
    const me = currentUser(ctx)
    const { db, config, clock, blobs } = ctx.deps
    // The consent comes before a single byte of medical material is written (PIPL art. 29); checked again below, in the transaction.
    // (`Connection: close`: the unread body is not worth reading.)
    await assertMedicalConsent(db, me.id, { Connection: 'close' })
    const file = await receiveFile(ctx.req as Readable, config.dataDir, MAX_UPLOAD_BYTES, ctx.request.length)
    // Stored before the row is written, and outside the transaction (object storage is a network call): a row
    // never names missing bytes. Refused after this (the consent withdrawn meanwhile), the bytes stay under
    // their hash, where another upload of the same bytes may already point.
    try {
      await storeFile(blobs, file)
    } finally {
      await discardFile(file)
    }
    const row = await db.transaction().execute(async (trx) => {
      await assertMedicalConsent(trx, me.id)
      return recordUpload(trx, clock, me.id, file)
    })
    ctx.status = 201
    ctx.body = presentUpload(row)
  },
})

export const getUploadContent = defineRoute({
  endpoint: endpoints.uploads.getUploadContent, tags, access: 'signed_in',
  summary: 'The bytes of an upload: for its owner, and for reviewers, staff and admins once it is material of a claim (that read is audited)',
  request: { params: uploadParamsSchema },
  responses: { 200: { description: 'The file, with its media type', contentType: 'application/octet-stream' } },
  errors: [404],
  async handler(ctx) {
    const { db, clock, blobs } = ctx.deps
    const row = await db.transaction().execute((trx) => uploadForReader(trx, clock, currentUser(ctx), ctx.input.params.uploadId, auditActorOf(ctx)))
    const body = await blobs.read(photoKey(row.sha256))
    // A row whose bytes are gone is the server's fault (500, logged), never a quiet 404.
    if (!body) throw new Error(`upload ${row.id}: its bytes are missing from the blob store`)
    ctx.set('Content-Security-Policy', "default-src 'none'; sandbox")
    ctx.set('Content-Disposition', 'inline')
    ctx.type = row.media_type
    ctx.length = row.size
    ctx.body = body
  },
})

export const uploadRoutes = [createUpload, getUploadContent]
