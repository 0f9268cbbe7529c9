import { endpoints, errorsByRow } from '@huzhu/shared'
import { nowIso, todayInChina } from '../../clock'
import type { AppDeps } from '../../http/context'
import { AppError, notFound } from '../../http/errors'
import { XLSX_TYPE, sendXlsx, xlsxResponse } from '../../http/file-response'
import { defineRoute } from '../../http/route'
import { withUploadedSpreadsheet } from '../../files/spreadsheet-upload'
import { withTempFile } from '../../files/temp-files'
import { newId } from '../../ids'
import { assertUnitAccess, currentUser } from '../accounts/access'
import { auditActorOf, ID_NUMBER_AND_MOBILE, recordAudit } from '../audit/audit.service'
import { assertDatesOpen, catalogueOr422, unitModeFor } from '../enrolments/enrolments.service'
import { unitParamsSchema } from '../units/schema'
import { rosterUnitSelection, unitCatalogueOr422, unitOr404 } from '../units/units.service'
import { checkRosterFile } from './roster-check.service'
import { exportRows, readFullRowsAudited } from './roster-export.service'
import { readRosterRows } from './roster-file'
import { importRosterFile } from './roster-import.service'
import { rosterUpload } from './roster-upload'
import { rosterExport, rosterTemplate, rosterWithErrors } from './roster-workbook'
import { deleteRosterFiles, storeRosterFiles, withRosterImportFiles, withRosterXlsx } from './roster-files'
import { deleteFilesOnImport, rosterFilesRemoved } from './roster-retention'
import { openStaging } from './roster-staging'
import { presentRoster, type StoredRosterError } from './rosters.presenter'
import { findRoster, insertRoster } from './rosters.repository'
import type { RosterRow } from './rosters.table'
import { rosterExportQuerySchema, rosterParamsSchema } from './schema'

const tags = ['rosters']
const unitRoles = { roles: ['staff', 'admin', 'unit_admin'] } as const

async function rosterOr404(deps: AppDeps, unitId: string, rosterId: string): Promise<RosterRow> {
  const row = await findRoster(deps.readDb, unitId, rosterId)
  if (!row) throw notFound('roster_not_found')
  return row
}

export const getRosterTemplate = defineRoute({
  endpoint: endpoints.rosters.getRosterTemplate, tags, access: 'signed_in',
  summary: 'A blank roster (参保名单模板) in the required layout; ID number and mobile columns are text',
  responses: { 200: xlsxResponse() },
  async handler(ctx) {
    sendXlsx(ctx, await rosterTemplate(), '参保名单模板.xlsx', 'roster.xlsx')
  },
})

export const uploadRoster = defineRoute({
  endpoint: endpoints.rosters.uploadRoster, tags, access: unitRoles,
  summary: 'Upload a roster (raw xlsx body, at most 20 MB): every row is checked and every error reported; nothing is imported yet',
  request: { params: unitParamsSchema },
  rawBody: { description: 'The roster file’s bytes (.xlsx), at most 20 MB', mediaTypes: [XLSX_TYPE, 'application/octet-stream'] },
  responses: { 201: { description: 'Checked' } },
  errors: [404, 413, 415, 422, 503],
  async handler(ctx) {
    const { deps } = ctx
    const user = currentUser(ctx)
    const { unitId } = ctx.input.params
    assertUnitAccess(user, unitId)
    const unit = await unitOr404(deps.readDb, unitId)
    const catalogue = unitCatalogueOr422(deps.catalogues, unit, ctx.input.query.catalogueId)
    const today = todayInChina(deps.clock)
    const mode = unitModeFor(catalogue, today)
    assertDatesOpen(catalogue, mode, today)

    const id = newId('rst', deps.clock.now())
    // The file and its good rows are written in this node's temporary area, and go to the blob store once checked.
    await withUploadedSpreadsheet(ctx, rosterUpload, ({ path, sha256 }) => withTempFile(deps.config.dataDir, 'roster-rows', async (stagingPart) => {
      const checked = await checkRosterFile(
        deps.readDb, deps.protector, deps.catalogues, path, catalogue, mode, today, today, openStaging(stagingPart, deps.protector, id), rosterUnitSelection(unit, catalogue), unit.id,
      )
      const row: RosterRow = {
        id, unit_id: unitId, catalogue_id: catalogue.id, file_name: ctx.input.query.fileName ?? null, file_sha256: sha256, mode, accepted_on: today,
        status: 'checked', row_count: checked.rowCount, valid_count: checked.validCount, errors: JSON.stringify(checked.errors),
        imported_count: null, premium_fen: null, created_by: user.id, created_at: nowIso(deps.clock), imported_at: null, files_deleted_at: null,
      }
      // Stored before the row is written (and outside its transaction): a roster row never names missing files.
      try {
        await storeRosterFiles(deps.blobs, id, { xlsx: path, staging: stagingPart })
        await deps.db.transaction().execute((trx) => insertRoster(trx, row))
      } catch (error) {
        await deleteRosterFiles(deps.blobs, id).catch((cleanup: unknown) => ctx.state.log.warn({ err: cleanup, rosterId: id }, 'roster files of a failed upload not removed'))
        throw error
      }
      ctx.status = 201
      ctx.body = presentRoster(row)
    }))
  },
})

export const getRoster = defineRoute({
  endpoint: endpoints.rosters.getRoster, tags, access: unitRoles,
  summary: 'A roster: its counts, every error (row, column, reason), and whether it was imported',
  request: { params: rosterParamsSchema },
  responses: { 200: { description: 'The roster' } },
  errors: [404],
  async handler(ctx) {
    const { unitId, rosterId } = ctx.input.params
    assertUnitAccess(currentUser(ctx), unitId)
    ctx.body = presentRoster(await rosterOr404(ctx.deps, unitId, rosterId))
  },
})

export const getRosterErrors = defineRoute({
  endpoint: endpoints.rosters.getRosterErrors, tags, access: unitRoles,
  summary: 'The uploaded file back with a 错误说明 column for every bad row and the bad cells highlighted',
  request: { params: rosterParamsSchema },
  responses: { 200: xlsxResponse() },
  errors: [404, 409, 503],
  async handler(ctx) {
    const { unitId, rosterId } = ctx.input.params
    assertUnitAccess(currentUser(ctx), unitId)
    const roster = await rosterOr404(ctx.deps, unitId, rosterId)
    if (roster.files_deleted_at !== null) throw rosterFilesRemoved()
    const errors = JSON.parse(roster.errors) as StoredRosterError[]
    const buffer = await withRosterXlsx(ctx.deps.blobs, ctx.deps.config.dataDir, roster.id, (path) =>
      rosterWithErrors(readRosterRows(path), errorsByRow(errors), new Set(errors.map((e) => e.cell))))
    sendXlsx(ctx, buffer, `参保名单错误说明-${roster.id}.xlsx`, 'roster.xlsx')
  },
})

export const importRoster = defineRoute({
  endpoint: endpoints.rosters.importRoster, tags, access: unitRoles,
  summary: 'Import a checked roster in one transaction (all rows, or only the good ones when asked): pending payment',
  request: { params: rosterParamsSchema },
  responses: { 200: { description: 'Imported' } },
  errors: [404, 409, 422, 503],
  async handler(ctx) {
    const { deps } = ctx
    const user = currentUser(ctx)
    const { unitId, rosterId } = ctx.input.params
    assertUnitAccess(user, unitId)
    const roster = await rosterOr404(deps, unitId, rosterId)
    if (roster.status === 'imported') throw new AppError(409, 'roster_already_imported')
    if (roster.files_deleted_at !== null) throw rosterFilesRemoved()
    const errors = JSON.parse(roster.errors) as StoredRosterError[]
    const badRows = new Set(errors.map((e) => e.row)).size
    if (badRows > 0 && !ctx.input.body.onlyValidRows) throw new AppError(422, 'roster_has_errors', { params: { count: badRows } })
    const unit = await unitOr404(deps.readDb, unitId)
    const today = todayInChina(deps.clock)
    // The stored rows are copied to this node first (from object storage): the transaction reads a local file.
    await withRosterImportFiles(deps.blobs, deps.config.dataDir, roster.id, (files) => deps.db.transaction().execute(async (trx) => {
      await importRosterFile(trx, deps, roster, unit, files, today, ctx.input.body.onlyValidRows, user.id)
      // Bad rows left out: the files stay (to the retention's end) for the error file the unit fixes them from.
      if (badRows === 0) await deleteFilesOnImport(trx, deps.clock, roster.id)
      await recordAudit(trx, deps.clock, auditActorOf(ctx), { subjectUserId: null, action: 'create', resource: `roster_import:${roster.id}`, fields: ID_NUMBER_AND_MOBILE })
    }))
    ctx.body = presentRoster(await rosterOr404(deps, unitId, rosterId))
  },
})

export const exportRoster = defineRoute({
  endpoint: endpoints.rosters.exportRoster, tags, access: unitRoles,
  summary: 'The unit’s enrolled members in a catalogue, in the roster layout, ID numbers and mobiles masked; with `full=1` in full, for the regional office (that export is audited)',
  request: { params: unitParamsSchema, query: rosterExportQuerySchema },
  responses: { 200: xlsxResponse() },
  errors: [404, 422],
  async handler(ctx) {
    const { deps } = ctx
    const { unitId } = ctx.input.params
    const { catalogueId, full } = ctx.input.query
    assertUnitAccess(currentUser(ctx), unitId)
    await unitOr404(deps.readDb, unitId)
    const catalogue = catalogueOr422(deps.catalogues, catalogueId)
    let buffer: Buffer
    if (full === '1') {
      const rows = await readFullRowsAudited(deps.db, deps.clock, auditActorOf(ctx), `unit_roster:${unitId}`, (trx) => exportRows(trx, deps.protector, unitId, catalogue.id, true))
      buffer = await rosterExport(rows)
    } else {
      buffer = await rosterExport(exportRows(deps.readDb, deps.protector, unitId, catalogue.id, false))
    }
    sendXlsx(ctx, buffer, `参保名单-${catalogue.id}${full === '1' ? '-完整' : ''}.xlsx`, 'roster.xlsx')
  },
})

export const rosterRoutes = [getRosterTemplate, uploadRoster, getRoster, getRosterErrors, importRoster, exportRoster]
