import type { Kysely } from 'kysely'

/**
 * The WeChat access token (接口调用凭据), one per app id, shared by every node:
 * sealed with the data key, with the instant it stops being used.
 */
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('wechat_access_tokens')
    .addColumn('app_id', 'text', (c) => c.primaryKey().notNull())
    .addColumn('token', 'text', (c) => c.notNull())
    .addColumn('expires_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute()
}
