import { useState, type ChangeEvent } from 'react'
import { Button, Text, View } from '@tarojs/components'
import { fillTemplate, medicalRecordColumns, staffUi, type MedicalRecordImport } from '@huzhu/shared'
import { MedicalRecordErrors } from '../components/MedicalRecordErrors'
import { chooseXlsxFileWeapp, takeChosenFile, uploadMedicalRecords, XLSX_TYPE } from '../lib/files'
import { useSubmit } from '../lib/use-submit'

/**
 * The medical-insurance settlement import: upload the xlsx, every row is
 * checked; all good and it is imported at once (the matching claims are then
 * checked against it), one bad row and nothing is, with every error listed.
 */
export function MedicalRecordsPanel() {
  const [result, setResult] = useState<MedicalRecordImport | null>(null)
  const { busy, error, run } = useSubmit()

  const upload = (bytes: ArrayBuffer) =>
    run(async () => {
      setResult(null)
      setResult(await uploadMedicalRecords(bytes))
    })

  const onFile = async (event: ChangeEvent<HTMLInputElement>) => {
    const file = await takeChosenFile(event.target)
    if (file) await upload(file.bytes)
  }

  const chooseWeapp = async () => {
    const file = await chooseXlsxFileWeapp()
    if (file) await upload(file.bytes)
  }

  const refused = (result?.errors.length ?? 0) > 0
  return (
    <View id='medical-panel' className='staff-card'>
      <Text className='staff-card__title'>{staffUi.medical.title}</Text>
      <Text id='medical-columns' className='staff-muted'>
        {fillTemplate(staffUi.medical.columns, { columns: medicalRecordColumns.join('、') })}
      </Text>
      <Text className='staff-muted'>{staffUi.medical.allOrNothing}</Text>
      <View className='staff-row'>
        {process.env.TARO_ENV === 'h5' ? (
          <label id='medical-upload' className='staff-button staff-button--primary staff-file-picker'>
            <Text>{refused ? staffUi.medical.reupload : staffUi.medical.upload}</Text>
            <input id='medical-file' className='staff-file-picker__input' type='file' accept={`.xlsx,${XLSX_TYPE}`} disabled={busy} onChange={(e) => void onFile(e)} />
          </label>
        ) : (
          <Button id='medical-upload' className='staff-button staff-button--primary' disabled={busy || undefined} onClick={() => void chooseWeapp()}>
            {staffUi.medical.weappChoose}
          </Button>
        )}
      </View>
      {busy && <Text className='staff-muted'>{staffUi.medical.uploading}</Text>}
      {error && <Text id='medical-error' className='staff-error-text'>{error}</Text>}
      {result && <MedicalRecordErrors result={result} />}
    </View>
  )
}
