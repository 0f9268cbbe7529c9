import sqlite3 from 'sqlite3'

/** Promise wrappers over the callback API of node-sqlite3 (`sqlite3`). */

export type NativeDatabase = sqlite3.Database
export type NativeStatement = sqlite3.Statement

export interface RunResult {
  changes: number
  lastID: number
}

export function openNative(file: string, mode: 'readwrite' | 'readonly'): Promise<NativeDatabase> {
  const flags = mode === 'readonly' ? sqlite3.OPEN_READONLY : sqlite3.OPEN_READWRITE | sqlite3.OPEN_CREATE
  return new Promise((done, fail) => {
    const db: NativeDatabase = new sqlite3.Database(file, flags, (err) => (err ? fail(err) : done(db)))
  })
}

export function closeNative(db: NativeDatabase): Promise<void> {
  return new Promise((done, fail) => db.close((err) => (err ? fail(err) : done())))
}

export function execNative(db: NativeDatabase, sql: string): Promise<void> {
  return new Promise((done, fail) => db.exec(sql, (err) => (err ? fail(err) : done())))
}

export function prepareNative(db: NativeDatabase, sql: string): Promise<NativeStatement> {
  return new Promise((done, fail) => {
    const stmt: NativeStatement = db.prepare(sql, (err) => (err ? fail(err) : done(stmt)))
  })
}

export function allNative<R>(stmt: NativeStatement, params: readonly unknown[]): Promise<R[]> {
  return new Promise((done, fail) => stmt.all<R>(params, (err, rows) => (err ? fail(err) : done(rows))))
}

export function runNative(stmt: NativeStatement, params: readonly unknown[]): Promise<RunResult> {
  return new Promise((done, fail) => stmt.run(params, function (this: sqlite3.RunResult, err: Error | null) {
    if (err) fail(err)
    else done({ changes: this.changes, lastID: this.lastID })
  }))
}

export function bindNative(stmt: NativeStatement, params: readonly unknown[]): Promise<void> {
  return new Promise((done, fail) => stmt.bind(params, (err: Error | null) => (err ? fail(err) : done())))
}

/** Steps one row; undefined when there are no more. */
export function stepNative<R>(stmt: NativeStatement): Promise<R | undefined> {
  return new Promise((done, fail) => stmt.get<R>((err, row) => (err ? fail(err) : done(row))))
}

export function finalizeNative(stmt: NativeStatement): Promise<void> {
  return new Promise((done) => stmt.finalize(() => done()))
}
