import { open, type FileHandle } from 'node:fs/promises'

/**
 * Group commit for SQLite: a commit is on disk before anyone is told of it, and the server's thread never
 * waits for the disk.
 *
 * The writer runs with `synchronous = normal`: a commit writes its pages to the WAL file without waiting for
 * the disk (SQLite still syncs the WAL before each checkpoint and the database after it, so a checkpointed
 * page is always on disk). Before an answer leaves the server, `durable()` makes every commit so far reach
 * the disk with one `fdatasync` of the WAL file, on libuv's thread pool; the requests that committed while
 * one sync ran share the next. That is what `synchronous = full` promised (a commit that was answered
 * survives a power cut) without its cost: there, each commit's sync ran on the server's own thread, about
 * a millisecond each on this machine's disk, a quarter of the thread's time at 270 claims a second.
 */
export class GroupCommit {
  readonly #walFile: string
  #wal: FileHandle | undefined
  /** Commits made on the writer, and how many of them a finished sync covered. */
  #committed = 0
  #synced = 0
  #syncing: Promise<void> | undefined
  /** Syncs run so far (for tests and benchmarks: fewer than commits when they were grouped). */
  syncs = 0

  constructor(databaseFile: string) {
    this.#walFile = `${databaseFile}-wal`
  }

  /** The writer committed (or may have: a rolled-back transaction counts too, costing at most one sync). */
  committed(): void {
    this.#committed++
  }

  /** Resolves once every commit made before the call is on disk; at once if none is waiting. */
  async durable(): Promise<void> {
    const target = this.#committed
    while (this.#synced < target) {
      // A sync that started before our commit may not cover it: wait for it, then start our own.
      this.#syncing ??= this.#sync().finally(() => { this.#syncing = undefined })
      await this.#syncing
    }
  }

  async #sync(): Promise<void> {
    const covers = this.#committed
    // Opened for writing though nothing is written through it: Windows flushes a file only through a handle that may write.
    this.#wal ??= await open(this.#walFile, 'r+')
    await this.#wal.datasync()
    this.syncs++
    if (covers > this.#synced) this.#synced = covers
  }

  async close(): Promise<void> {
    await this.#syncing
    await this.#wal?.close()
    this.#wal = undefined
  }
}
