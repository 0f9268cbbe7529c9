import type { Config } from '../../config'
import type { DataProtector } from '../../crypto/protector'
import type { Db } from '../../db/open'
import { loginCodeDelivery } from '../accounts/sms-delivery'
import type { SmsProvider } from '../accounts/sms'
import { notificationDelivery } from '../notifications/notification-delivery'
import { blobDeletion } from '../data-requests/blob-deletion'
import { createBlobStore, type BlobStore } from '../../files/blob-store'
import type { OutboxHandlers } from './outbox-kinds'

export interface OutboxHandlerDeps {
  db: Db
  config: Config
  protector: DataProtector
  sms: SmsProvider
  /** Where `blob_delete` removes files; by default the store the configuration names. */
  blobs?: BlobStore
}

/** THE registry of outbox kinds and the code that sends each (a new kind: `outbox-kinds.ts`, then here). */
export function createOutboxHandlers(deps: OutboxHandlerDeps): OutboxHandlers {
  return {
    login_code_sms: loginCodeDelivery(deps.sms),
    notification: notificationDelivery(deps),
    blob_delete: blobDeletion({ db: deps.db, blobs: deps.blobs ?? createBlobStore(deps.config.blobStore, deps.config.dataDir) }),
  }
}
