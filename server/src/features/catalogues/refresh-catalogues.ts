import type { Middleware } from 'koa'
import type { AppContextExtras, AppState } from '../../http/context'

/**
 * Before every API request: the catalogues as the database has them now (one
 * read of the change mark; the rows only when it moved). A catalogue an admin
 * published or closed on any node is what this request quotes and enrols by.
 */
export function refreshCatalogues(): Middleware<AppState, AppContextExtras> {
  return async (ctx, next) => {
    if (ctx.path.startsWith('/api/')) await ctx.deps.catalogues.refresh(ctx.deps.readDb)
    await next()
  }
}
