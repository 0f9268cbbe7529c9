import { useState, type ChangeEvent } from 'react'
import { Button, Text, View } from '@tarojs/components'
import { cataloguesUi, fillTemplate, isCivilDate, type CatalogueRecord, type CataloguePreviewResponse, type CivilDate } from '@huzhu/shared'
import { ApiError } from '../../api/errors'
import { TextInput } from '../components/Field'
import { useSubmit } from '../lib/use-submit'
import { CataloguePreview } from './CataloguePreview'
import { chooseJsonTextWeapp, parseCatalogueText, previewCatalogueFile, publishCatalogueFile, readChosenText } from './catalogues-api'

interface Problem {
  path: string
  message: string
}

/** The server's 422 `catalogue_invalid`: every problem of the file at its path. */
function problemsOf(error: unknown): Problem[] | null {
  if (!(error instanceof ApiError) || error.code !== 'catalogue_invalid') return null
  return error.details.map((d) => ({ path: String(d.path ?? ''), message: String(d.message ?? '') }))
}

function ProblemList({ problems }: { problems: readonly Problem[] }) {
  return (
    <View id='catalogue-errors' className='staff-card catalogue-errors'>
      <Text className='staff-card__title staff-error-text'>{fillTemplate(cataloguesUi.errorsTitle, { count: problems.length })}</Text>
      {problems.map((p, i) => (
        <View key={`${p.path}-${i}`} id={`catalogue-error-${i}`} className='catalogue-error'>
          <Text className='catalogue-error__path'>{p.path === '' ? cataloguesUi.errorPathRoot : p.path}</Text>
          <Text className='catalogue-error__message'>{p.message}</Text>
        </View>
      ))}
    </View>
  )
}

/**
 * Upload a catalogue file: it is checked and previewed by the server (nothing is
 * stored), every error shown at its path; a file that can be published is shown
 * as a member would see it, and published with one tap.
 */
export function CatalogueUpload({ today, onPublished }: { today: CivilDate; onPublished: (record: CatalogueRecord) => void }) {
  const [file, setFile] = useState<Record<string, unknown> | null>(null)
  const [on, setOn] = useState<CivilDate>(today)
  const [typedOn, setTypedOn] = useState<string>(today)
  const [result, setResult] = useState<CataloguePreviewResponse | null>(null)
  const [problems, setProblems] = useState<Problem[] | null>(null)
  const [published, setPublished] = useState<string | null>(null)
  const { busy, error, run, fail } = useSubmit()

  const check = (next: Record<string, unknown>, day: CivilDate) =>
    run(async () => {
      setResult(null)
      setProblems(null)
      setPublished(null)
      try {
        setResult(await previewCatalogueFile(next, day))
      } catch (failure) {
        const found = problemsOf(failure)
        if (!found) throw failure
        setProblems(found)
      }
    })

  const take = async (text: string | null) => {
    if (text === null) return
    const parsed = parseCatalogueText(text)
    if (!parsed.ok) {
      setFile(null)
      setResult(null)
      setProblems(null)
      return fail(fillTemplate(cataloguesUi.notJson, { reason: parsed.reason }))
    }
    setFile(parsed.file)
    await check(parsed.file, on)
  }

  const onFile = async (event: ChangeEvent<HTMLInputElement>) => take(await readChosenText(event.target).catch(() => null))
  const previewOn = async () => {
    if (!isCivilDate(typedOn)) return
    setOn(typedOn)
    if (file) await check(file, typedOn)
  }
  const publish = () =>
    run(async () => {
      if (!result) return
      const record = await publishCatalogueFile(result.catalogue.id, file ?? {})
      setPublished(fillTemplate(cataloguesUi.published, { id: record.id }))
      setResult(null)
      setFile(null)
      onPublished(record)
    })

  return (
    <View className='staff-wrap catalogue-upload-wrap'>
      <View id='catalogue-upload' className='staff-card'>
        <Text className='staff-card__title'>{cataloguesUi.upload}</Text>
        <Text className='staff-muted'>{cataloguesUi.uploadHint}</Text>
        <View className='staff-row'>
          {process.env.TARO_ENV === 'h5' ? (
            <label id='catalogue-upload-button' className='staff-button staff-button--primary staff-file-picker'>
              <Text>{cataloguesUi.upload}</Text>
              <input id='catalogue-file' className='staff-file-picker__input' type='file' accept='.json,application/json' disabled={busy} onChange={(e) => void onFile(e)} />
            </label>
          ) : (
            <Button id='catalogue-upload-button' className='staff-button staff-button--primary' disabled={busy || undefined} onClick={() => void chooseJsonTextWeapp().then(take)}>
              {cataloguesUi.upload}
            </Button>
          )}
        </View>
        <View className='staff-row'>
          <Text className='staff-muted'>{cataloguesUi.previewAsOf}</Text>
          <TextInput id='catalogue-preview-on' className='catalogue-on' value={typedOn} onChange={setTypedOn} placeholder='YYYY-MM-DD' onConfirm={() => void previewOn()} />
          <Button id='catalogue-preview-on-apply' className='staff-button staff-button--small' disabled={busy || !file || undefined} onClick={() => void previewOn()}>{cataloguesUi.check}</Button>
        </View>
        {error && <Text id='catalogue-upload-error' className='staff-error-text'>{error}</Text>}
        {published && <Text id='catalogue-published' className='catalogue-published'>{published}</Text>}
      </View>
      {problems && <ProblemList problems={problems} />}
      {result && (
        <View id='catalogue-publish-card' className='staff-card'>
          <Text className='staff-card__title'>
            {result.existing && result.refusal === null
              ? fillTemplate(cataloguesUi.replaces, { id: result.existing.id, version: fillTemplate(cataloguesUi.version, { version: result.existing.version ?? 0 }) })
              : fillTemplate(cataloguesUi.newCatalogue, { id: result.catalogue.id })}
          </Text>
          {result.refusal ? (
            <Text id='catalogue-refusal' className='staff-error-text'>{fillTemplate(cataloguesUi.notPublishable, { reason: result.refusal.message })}</Text>
          ) : (
            <Button id='catalogue-publish' className='staff-button staff-button--primary' disabled={busy || undefined} onClick={() => void publish()}>{cataloguesUi.publish}</Button>
          )}
        </View>
      )}
      {result && <CataloguePreview key={`${result.catalogue.id}-${on}`} result={result} on={on} />}
    </View>
  )
}
