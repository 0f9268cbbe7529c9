import type { ParameterizedContext } from 'koa'
import type { Logger } from 'pino'
import type { Role } from '@huzhu/shared'
import type { Clock } from '../clock'
import type { Config } from '../config'
import type { DataProtector } from '../crypto/protector'
import type { Db } from '../db/open'
import type { LiveCatalogueStore } from '../features/catalogues/catalogue-store'
import type { OutboxKick } from '../features/outbox/outbox-kinds'
import type { WechatClient } from '../features/accounts/wechat'
import type { WechatPayClient } from '../features/wechat-pay/wechat-pay-client'
import type { BlobStore } from '../files/blob-store'

/** What every request can reach: `ctx.deps`. Built once by `createApp`. */
export interface AppDeps {
  db: Db
  readDb: Db
  /** Resolves once every commit so far is on disk: each answer waits for it (http/durable-answers.ts). */
  durable: () => Promise<void>
  config: Config
  clock: Clock
  /** Wakes the outbox worker after a commit that queued messages (SMS, WeChat). */
  outbox: OutboxKick
  wechat: WechatClient
  /** WeChat Pay, when configured. */
  wechatPay: WechatPayClient | undefined
  logger: Logger
  protector: DataProtector
  /** Shipped and published catalogues, as the database had them at most a second before each API request (`catalogue-store.ts`). */
  catalogues: LiveCatalogueStore
  /** Claim material and rosters: on disk or in object storage, shared by every node (`files/blob-store.ts`). */
  blobs: BlobStore
}

/** The signed-in account, set by authentication for routes that need it. */
export interface AuthUser {
  id: string
  sessionId: string
  roles: ReadonlySet<Role>
  /** Units this account administers (its `unit_admin` grants). */
  unitIds: ReadonlySet<string>
}

export interface AppState {
  requestId: string
  log: Logger
  user?: AuthUser
}

export interface AppContextExtras {
  deps: AppDeps
  /** The zod-parsed request, set by the validation middleware; typed per route in handlers. */
  input: { body: unknown; query: unknown; params: unknown }
}

export type AppContext = ParameterizedContext<AppState, AppContextExtras>
