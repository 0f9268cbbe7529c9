import type { Insertable, Selectable } from 'kysely'

/**
 * A catalogue an admin published, or the admin's settings of one shipped with the
 * server (see the migration `20261201T1620_catalogues`).
 */
export interface CataloguesTable {
  id: string
  /** The catalogue file as checked (JSON); null for a catalogue shipped with the server. */
  data: string | null
  /** How many times it was published here; null for a shipped one. */
  published_version: number | null
  published_at: string | null
  published_by: string | null
  /** With `successor_set` = 1: the catalogue its covers renew into (null: itself). */
  successor: string | null
  successor_set: number
  /** The first day it takes no new enrolment (China date). */
  closed_on: string | null
  /** Bumped by every change: the sum over the table tells every node to load again. */
  changes: number
  updated_at: string
  updated_by: string | null
}
export type CatalogueRow = Selectable<CataloguesTable>
export type NewCatalogueRow = Insertable<CataloguesTable>
