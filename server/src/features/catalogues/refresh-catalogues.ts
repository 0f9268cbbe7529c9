import type { Middleware } from 'koa'
import type { AppContextExtras, AppState } from '../../http/context'

/**
 * Before every API request: the catalogues as the database had them at most a
 * second ago (one read of the change mark per second per node, shared by the
 * requests in between; the rows only when it moved). A catalogue an admin
 * published or closed on any node is what this request quotes and enrols by
 * within a second of the commit (at once on the admin's node).
 */
export function refreshCatalogues(): Middleware<AppState, AppContextExtras> {
  // Not async: a request within the second of a finished read goes straight on, with no promise or tick of its own.
  return (ctx, next) => {
    const reading = ctx.path.startsWith('/api/') ? ctx.deps.catalogues.fresh(ctx.deps.readDb) : undefined
    return reading === undefined ? next() : reading.then(() => next())
  }
}
