import { useState, type ChangeEvent } from 'react'
import { Button, Text, View } from '@tarojs/components'
import Taro from '@tarojs/taro'
import { fillTemplate, formatYuan, staffUi, ui, type Roster } from '@huzhu/shared'
import { useLoad } from '../../lib/use-api'
import { ChipsField } from '../components/Chips'
import { RosterErrors } from '../components/RosterErrors'
import { chooseXlsxFileWeapp, downloadFile, takeChosenFile, uploadRoster } from '../lib/files'
import { staffPaths } from '../lib/paths'
import { fetchUnitCatalogues, importRoster } from '../lib/staff-api'
import { useSubmit } from '../lib/use-submit'

/**
 * The roster round: template, upload, every bad row, the file back with an
 * error column, re-upload, import (all rows, or only the good ones on request).
 * Only the plans this unit may use are offered (the server says which, and
 * refuses a roster for any other).
 */
export function RosterPanel({ unitId, defaultCatalogueId, onImported }: { unitId: string; defaultCatalogueId: string | null; onImported: () => void }) {
  const catalogues = useLoad(fetchUnitCatalogues, [unitId])
  const offered = catalogues.status === 'ready' ? catalogues.value : []
  const [catalogueId, setCatalogueId] = useState<string | null>(null)
  const chosen = [catalogueId, defaultCatalogueId].find((id) => id !== null && offered.some((c) => c.id === id)) ?? offered[0]?.id ?? null
  const [roster, setRoster] = useState<Roster | null>(null)
  const { busy, error, run, fail } = useSubmit()
  const [imported, setImported] = useState<Roster | null>(null)

  const upload = (bytes: ArrayBuffer, name: string) => {
    if (chosen === null) return fail(staffUi.unit.chooseCatalogue)
    return run(async () => {
      setImported(null)
      setRoster(await uploadRoster(unitId, chosen, bytes, name))
    })
  }

  const onFile = async (event: ChangeEvent<HTMLInputElement>) => {
    const file = await takeChosenFile(event.target)
    if (file) await upload(file.bytes, file.name)
  }

  const chooseWeapp = async () => {
    const file = await chooseXlsxFileWeapp()
    if (file) await upload(file.bytes, file.name)
  }

  const doImport = (onlyValidRows: boolean) =>
    run(async () => {
      if (!roster) return
      const done = await importRoster(unitId, roster.id, onlyValidRows)
      setImported(done)
      setRoster(null)
      onImported()
    })

  // ID numbers and mobiles in full: a separate, confirmed choice (the server audits it); the plain export is masked.
  const exportFull = async (catalogue: string) => {
    const answer = await Taro.showModal({ title: staffUi.unit.exportFullRoster, content: staffUi.unit.exportFullConfirm, confirmText: ui.common.confirm, cancelText: ui.common.cancel })
    if (answer.confirm) await run(() => downloadFile(staffPaths.unitRosterExport(unitId, catalogue, true), '参保名单-完整.xlsx'))
  }

  const errorCount = roster?.errors.length ?? 0
  return (
    <View id='roster-panel' className='staff-card'>
      <Text className='staff-card__title'>{staffUi.unit.title}</Text>
      <ChipsField
        label={staffUi.unit.catalogue}
        idPrefix='roster-catalogue'
        options={offered.map((c) => ({ value: c.id, label: c.name }))}
        selected={chosen ? [chosen] : []}
        onChange={([value]) => setCatalogueId(value ?? null)}
      />
      {catalogues.status === 'ready' && offered.length === 0 && <Text id='roster-no-catalogue' className='staff-muted'>{staffUi.unit.noCatalogue}</Text>}
      {catalogues.status === 'error' && <Text id='roster-catalogues-error' className='staff-error-text'>{catalogues.message}</Text>}
      <View className='staff-row'>
        <Button id='roster-template' className='staff-button' onClick={() => void run(() => downloadFile(staffPaths.rosterTemplate, '参保名单模板.xlsx'))}>
          {staffUi.unit.template}
        </Button>
        {process.env.TARO_ENV === 'h5' ? (
          <label id='roster-upload' className='staff-button staff-button--primary staff-file-picker'>
            <Text>{roster ? staffUi.unit.reupload : staffUi.unit.upload}</Text>
            <input
              id='roster-file'
              className='staff-file-picker__input'
              type='file'
              accept='.xlsx,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet'
              disabled={busy}
              onChange={(e) => void onFile(e)}
            />
          </label>
        ) : (
          <Button id='roster-upload' className='staff-button staff-button--primary' disabled={busy || undefined} onClick={() => void chooseWeapp()}>
            {staffUi.unit.weappChoose}
          </Button>
        )}
        {chosen && (
          <Button
            id='unit-export'
            className='staff-button'
            onClick={() => void run(() => downloadFile(staffPaths.unitRosterExport(unitId, chosen), '参保名单.xlsx'))}
          >
            {staffUi.unit.exportRoster}
          </Button>
        )}
        {chosen && (
          <Button id='unit-export-full' className='staff-button' onClick={() => void exportFull(chosen)}>
            {staffUi.unit.exportFullRoster}
          </Button>
        )}
      </View>
      {busy && <Text className='staff-muted'>{staffUi.unit.uploading}</Text>}
      {error && <Text id='roster-error' className='staff-error-text'>{error}</Text>}
      {roster && (
        <>
          <RosterErrors roster={roster} />
          <View className='staff-row'>
            {errorCount > 0 && (
              <Button
                id='roster-error-file'
                className='staff-button'
                onClick={() => void run(() => downloadFile(staffPaths.rosterErrorFile(unitId, roster.id), '参保名单-错误说明.xlsx'))}
              >
                {staffUi.unit.errorFile}
              </Button>
            )}
            {errorCount === 0 && (
              <Button id='roster-import' className='staff-button staff-button--primary' disabled={busy || undefined} onClick={() => void doImport(false)}>
                {fillTemplate(staffUi.unit.importAll, { count: roster.rowCount })}
              </Button>
            )}
            {errorCount > 0 && roster.validCount > 0 && (
              <Button id='roster-import-valid' className='staff-button' disabled={busy || undefined} onClick={() => void doImport(true)}>
                {fillTemplate(staffUi.unit.importValid, { count: roster.validCount })}
              </Button>
            )}
          </View>
        </>
      )}
      {imported && (
        <Text id='roster-imported' className='staff-tag staff-tag--ok' data-imported={imported.importedCount ?? 0}>
          {fillTemplate(staffUi.unit.imported, { count: imported.importedCount ?? 0, premium: formatYuan(imported.premiumFen ?? 0) })}
        </Text>
      )}
    </View>
  )
}
