import type { Selectable } from 'kysely'

/**
 * The WeChat access token of a mini-program (`app_id`), shared by every node so
 * that one fetch serves them all: `token` sealed with the data key (bound to the
 * app id), used until `expires_at` (a few minutes before WeChat's expiry).
 */
export interface WechatAccessTokensTable {
  app_id: string
  token: string
  expires_at: string
  updated_at: string
}
export type WechatAccessTokenRow = Selectable<WechatAccessTokensTable>
