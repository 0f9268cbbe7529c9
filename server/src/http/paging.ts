/** One page of a keyset-paged list. */
export interface Page<T> {
  items: T[]
  /** The last row shown when another page follows (its key is the next cursor); undefined on the last page. */
  next: T | undefined
}

/**
 * Keyset paging without a count: reads `limit + 1` rows through `read`; the
 * extra row only tells whether another page follows and is never shown.
 */
export async function readPage<T>(limit: number, read: (take: number) => Promise<T[]>): Promise<Page<T>> {
  const rows = await read(limit + 1)
  const items = rows.slice(0, limit)
  return { items, next: rows.length > limit ? items.at(-1) : undefined }
}
