import type { Clock } from '../../src/clock'

/**
 * A clock tests set and advance. Each reading moves it on by 1 ms, so records
 * made one after another get increasing times (and ids) deterministically.
 */
export class ManualClock implements Clock {
  #ms: number

  constructor(start = '2026-11-24T02:00:00.000Z') {
    this.#ms = Date.parse(start)
  }

  now(): Date {
    return new Date(this.#ms++)
  }

  set(iso: string): void {
    this.#ms = Date.parse(iso)
  }

  advance(ms: number): void {
    this.#ms += ms
  }
}
