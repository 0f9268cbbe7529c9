import { useState, type ChangeEvent } from 'react'
import { Button, Text, View } from '@tarojs/components'
import { fillTemplate, formatYuan, staffUi, type Roster } from '@huzhu/shared'
import { fetchCatalogueSummaries } from '../../api'
import { useAsync } from '../../lib/use-async'
import { ChipsField } from '../components/Chips'
import { RosterErrors } from '../components/RosterErrors'
import { chooseXlsxFileWeapp, downloadFile, takeChosenFile, uploadRoster } from '../lib/files'
import { staffPaths } from '../lib/paths'
import { importRoster } from '../lib/staff-api'
import { useSubmit } from '../lib/use-submit'

/**
 * The roster round: template, upload, every bad row, the file back with an
 * error column, re-upload, import (all rows, or only the good ones on request).
 */
export function RosterPanel({ unitId, defaultCatalogueId, onImported }: { unitId: string; defaultCatalogueId: string | null; onImported: () => void }) {
  const catalogues = useAsync(fetchCatalogueSummaries, [])
  const [catalogueId, setCatalogueId] = useState<string | null>(defaultCatalogueId)
  const chosen = catalogueId ?? (catalogues.status === 'ready' ? catalogues.value[0]?.id ?? null : null)
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

  const errorCount = roster?.errors.length ?? 0
  return (
    <View id='roster-panel' className='staff-card'>
      <Text className='staff-card__title'>{staffUi.unit.title}</Text>
      <ChipsField
        label={staffUi.unit.catalogue}
        idPrefix='roster-catalogue'
        options={catalogues.status === 'ready' ? catalogues.value.map((c) => ({ value: c.id, label: c.name })) : []}
        selected={chosen ? [chosen] : []}
        onChange={([value]) => setCatalogueId(value ?? null)}
      />
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
