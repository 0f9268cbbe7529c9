import type { Db } from '../db/open'

/**
 * Takes the lease of job `name` for `holder` until `until`, if nobody holds it
 * at `now` (never taken, expired, or released): one atomic conditional update,
 * so when several nodes try at once exactly one gets it. The row is made first
 * if missing (an insert that does nothing when it exists). True when taken.
 */
export async function takeJobLease(db: Db, name: string, holder: string, now: string, until: string): Promise<boolean> {
  await db.insertInto('job_leases').values({ name, holder: null, lease_until: null }).onConflict((oc) => oc.column('name').doNothing()).execute()
  const result = await db
    .updateTable('job_leases')
    .set({ holder, lease_until: until })
    .where('name', '=', name)
    .where((eb) => eb.or([eb('lease_until', 'is', null), eb('lease_until', '<=', now)]))
    .executeTakeFirst()
  return Number(result.numUpdatedRows) === 1
}

/** Ends `holder`'s lease of job `name` at `at` (e.g. now, so a failed run is tried again by the next node that looks). */
export async function releaseJobLease(db: Db, name: string, holder: string, at: string): Promise<void> {
  await db.updateTable('job_leases').set({ lease_until: at }).where('name', '=', name).where('holder', '=', holder).execute()
}
