import { useState } from 'react'
import { Text, View } from '@tarojs/components'
import { cataloguesUi, staffPageTitles, type CatalogueRecord } from '@huzhu/shared'
import { ErrorState, LoadingState } from '../../components/StateView'
import { useToday } from '../../lib/today'
import { useLoad, useRevalidate } from '../../lib/use-api'
import { StaffGate } from '../components/StaffGate'
import { CatalogueList } from './CatalogueList'
import { CatalogueUpload } from './CatalogueUpload'
import { fetchCatalogueSummaries, getCatalogue } from '../../api'
import { fetchCatalogueRecords } from './catalogues-api'
import '../staff.scss'
import './catalogues.scss'

/**
 * The admin's plan catalogues: upload a file, see its errors or a preview as a
 * member would see it, publish (offered at once, no restart); and every
 * catalogue on offer, to name its successor or close it to new enrolments.
 */
function CataloguesDesk() {
  const today = useToday()
  const loaded = useLoad(fetchCatalogueRecords, [])
  const [changed, setChanged] = useState<Readonly<Record<string, CatalogueRecord>>>({})
  const revalidate = useRevalidate()
  // Published, or tried again: the records afresh, and the catalogues on offer wherever they are listed.
  const reload = () => {
    setChanged({})
    void revalidate(fetchCatalogueRecords, fetchCatalogueSummaries, getCatalogue)
  }
  const records = loaded.status === 'ready' ? loaded.value.map((r) => changed[r.id] ?? r) : []

  return (
    <View id='catalogues-desk' className='staff-wrap catalogues-desk'>
      <View className='staff-card'>
        <Text className='staff-card__title'>{staffPageTitles.catalogues}</Text>
        <Text className='staff-muted'>{cataloguesUi.intro}</Text>
      </View>
      <CatalogueUpload today={today} onPublished={reload} />
      {loaded.status === 'loading' && <LoadingState id='catalogues-loading' />}
      {loaded.status === 'error' && <ErrorState id='catalogues-error' message={loaded.message} onRetry={reload} />}
      {loaded.status === 'ready' && <CatalogueList records={records} onChanged={(record) => setChanged((all) => ({ ...all, [record.id]: record }))} />}
    </View>
  )
}

export default function CataloguesPage() {
  return (
    <View className='staff-page'>
      <StaffGate page='catalogues'>{() => <CataloguesDesk />}</StaffGate>
    </View>
  )
}
