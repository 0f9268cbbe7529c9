import { useState } from 'react'
import Taro from '@tarojs/taro'
import { Button, Text, View } from '@tarojs/components'
import { cataloguesUi, fillTemplate, type CatalogueRecord } from '@huzhu/shared'
import { formatDate, formatInstantDate } from '../../lib/format'
import { TextInput } from '../components/Field'
import { useSubmit } from '../lib/use-submit'
import { closeCatalogue, setCatalogueSuccessor } from './catalogues-api'

function termText(record: CatalogueRecord): string {
  return record.term.kind === 'plan_year'
    ? fillTemplate(cataloguesUi.termPlanYear, { start: formatDate(record.term.start), end: formatDate(record.term.end) })
    : fillTemplate(cataloguesUi.termRolling, { months: record.term.months })
}

/** One catalogue: where it comes from, its use, and what an admin may still do with it (succeed it, close it). */
function RecordCard({ record, onChanged }: { record: CatalogueRecord; onChanged: (record: CatalogueRecord) => void }) {
  const [successor, setSuccessor] = useState(record.successor ?? '')
  const [note, setNote] = useState<string | null>(null)
  const { busy, error, run } = useSubmit()
  const saveSuccessor = () =>
    run(async () => {
      onChanged(await setCatalogueSuccessor(record.id, successor.trim() === '' ? null : successor.trim()))
      setNote(cataloguesUi.successorSaved)
    })
  const close = async () => {
    const confirmed = await Taro.showModal({ content: fillTemplate(cataloguesUi.closeConfirm, { id: record.id }) })
    if (!confirmed.confirm) return
    await run(async () => {
      onChanged(await closeCatalogue(record.id))
      setNote(cataloguesUi.closed)
    })
  }
  const facts = [
    cataloguesUi.origins[record.origin],
    ...(record.version !== null ? [fillTemplate(cataloguesUi.version, { version: record.version })] : []),
    ...(record.publishedAt !== null ? [fillTemplate(cataloguesUi.publishedAt, { at: formatInstantDate(record.publishedAt) })] : []),
    record.inUse ? cataloguesUi.inUse : cataloguesUi.notInUse,
  ]
  return (
    <View id={`catalogue-record-${record.id}`} className='staff-card catalogue-record'>
      <Text className='catalogue-record__name'>{`${record.name}（${record.id}）`}</Text>
      <Text className='staff-muted'>{`${record.region} · ${termText(record)}`}</Text>
      <Text className='staff-muted'>{facts.join(' · ')}</Text>
      <Text id={`catalogue-record-${record.id}-state`} className={record.closedOn ? 'catalogue-record__closed' : 'catalogue-record__open'}>
        {record.closedOn ? fillTemplate(cataloguesUi.closedOn, { date: formatDate(record.closedOn) }) : cataloguesUi.open}
      </Text>
      <Text className='staff-muted'>{record.twoUnitsAtOnce ? cataloguesUi.twoUnitsYes : cataloguesUi.twoUnitsNo}</Text>
      <Text className='staff-muted'>{record.successor ? fillTemplate(cataloguesUi.successor, { id: record.successor }) : cataloguesUi.noSuccessor}</Text>
      <View className='staff-row'>
        <TextInput id={`catalogue-successor-${record.id}`} className='catalogue-record__successor' value={successor} onChange={setSuccessor} placeholder={cataloguesUi.successorHint} />
        <Button id={`catalogue-successor-save-${record.id}`} className='staff-button staff-button--small' disabled={busy || undefined} onClick={() => void saveSuccessor()}>
          {cataloguesUi.successorSave}
        </Button>
        {record.closedOn === null && (
          <Button id={`catalogue-close-${record.id}`} className='staff-button staff-button--small' disabled={busy || undefined} onClick={() => void close()}>
            {cataloguesUi.close}
          </Button>
        )}
      </View>
      {note && <Text className='staff-muted'>{note}</Text>}
      {error && <Text id={`catalogue-record-${record.id}-error`} className='staff-error-text'>{error}</Text>}
    </View>
  )
}

/** Every catalogue on offer, newest changes shown as they are saved. */
export function CatalogueList({ records, onChanged }: { records: readonly CatalogueRecord[]; onChanged: (record: CatalogueRecord) => void }) {
  return (
    <View id='catalogue-list' className='staff-card'>
      <Text className='staff-card__title'>{cataloguesUi.listTitle}</Text>
      <View className='catalogue-records'>
        {records.map((record) => (
          <RecordCard key={`${record.id}-${record.version ?? 0}-${record.closedOn ?? ''}-${record.successor ?? ''}`} record={record} onChanged={onChanged} />
        ))}
      </View>
    </View>
  )
}
