import { useState } from 'react'
import { Text, View } from '@tarojs/components'
import { ui } from '@huzhu/shared'
import { clearCatalogueCache, fetchCatalogueSummaries } from '../../api'
import { EmptyState, ErrorState, LoadingState } from '../../components/StateView'
import { useAsync } from '../../lib/use-async'
import { CatalogueChooser } from './CatalogueChooser'
import { CataloguePlans } from './CataloguePlans'
import './plans.scss'

const NONE: readonly string[] = []

/**
 * The plans screen: choose a catalogue, tick products, see the premium the
 * server will charge, computed on the phone by the shared engine.
 */
export function PlansScreen() {
  const [attempt, setAttempt] = useState(0)
  const summaries = useAsync(fetchCatalogueSummaries, [attempt])
  const [chosenId, setChosenId] = useState<string | null>(null)
  const [ticked, setTicked] = useState<Readonly<Record<string, readonly string[]>>>({})
  const retry = () => {
    clearCatalogueCache()
    setAttempt((n) => n + 1)
  }

  if (summaries.status === 'loading') return <LoadingState id='plans-loading' />
  if (summaries.status === 'error') return <ErrorState id='plans-error' message={summaries.message} onRetry={retry} />
  const catalogues = summaries.value
  const first = catalogues[0]
  if (!first) return <EmptyState id='plans-empty' message={ui.plans.empty} />
  const activeId = chosenId !== null && catalogues.some((c) => c.id === chosenId) ? chosenId : first.id

  return (
    <View id='plans-screen' className='plans'>
      <Text className='plans__intro'>{ui.plans.intro}</Text>
      <CatalogueChooser catalogues={catalogues} activeId={activeId} onChoose={setChosenId} />
      <CataloguePlans
        key={activeId}
        catalogueId={activeId}
        attempt={attempt}
        codes={ticked[activeId] ?? NONE}
        onCodesChange={(codes) => setTicked((all) => ({ ...all, [activeId]: codes }))}
        onRetry={retry}
      />
    </View>
  )
}
