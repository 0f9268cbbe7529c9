import { useState } from 'react'
import Taro from '@tarojs/taro'
import { Text, View } from '@tarojs/components'
import { addDays, transparencyUi, ui, type CatalogueSummary, type CivilDate } from '@huzhu/shared'
import { fetchCatalogueSummaries, getCatalogue } from '../../api'
import { EmptyState, ErrorState, LoadingState } from '../../components/StateView'
import { useToday } from '../../lib/today'
import { routes } from '../../lib/routes'
import { useLoad, useRevalidate } from '../../lib/use-api'
import { CatalogueChooser } from './CatalogueChooser'
import { CataloguePlans } from './CataloguePlans'
import './plans.scss'

const NONE: readonly string[] = []

/**
 * Whether a member can enrol themself in the catalogue today (instant enrolment,
 * cover from tomorrow): a rolling term is always open; a plan year only from its
 * first day until the day before its last.
 */
export function isOpenOn(summary: CatalogueSummary, today: CivilDate): boolean {
  if (!summary.modes.includes('instant')) return false
  if (summary.term.kind === 'rolling') return true
  return summary.term.start <= today && addDays(today, 1) <= summary.term.end
}

/** Catalogues open today first, otherwise in the server's order. */
export function openFirst(catalogues: readonly CatalogueSummary[], today: CivilDate): CatalogueSummary[] {
  return [...catalogues.filter((c) => isOpenOn(c, today)), ...catalogues.filter((c) => !isOpenOn(c, today))]
}

/**
 * The plans screen: choose a catalogue, tick products, see the premium the
 * server will charge, computed on the phone by the shared engine.
 */
export function PlansScreen({ initialCatalogueId, eventId }: { initialCatalogueId?: string; eventId?: string } = {}) {
  const today = useToday()
  const summaries = useLoad(fetchCatalogueSummaries, [])
  const [chosenId, setChosenId] = useState<string | null>(initialCatalogueId ?? null)
  const [ticked, setTicked] = useState<Readonly<Record<string, readonly string[]>>>({})
  const revalidate = useRevalidate()
  // "Try again" means fresh data: the list and the catalogues (kept for the session otherwise).
  const retry = () => void revalidate(fetchCatalogueSummaries, getCatalogue)

  if (summaries.status === 'loading') return <LoadingState id='plans-loading' />
  if (summaries.status === 'error') return <ErrorState id='plans-error' message={summaries.message} onRetry={retry} />
  const catalogues = openFirst(summaries.value, today)
  const first = catalogues[0]
  if (!first) return <EmptyState id='plans-empty' message={ui.plans.empty} />
  const activeId = chosenId !== null && catalogues.some((c) => c.id === chosenId) ? chosenId : first.id

  return (
    <View id='plans-screen' className='plans'>
      <Text className='plans__intro'>{ui.plans.intro}</Text>
      <Text id='plans-transparency' className='plans__link' onClick={() => void Taro.navigateTo({ url: routes.transparency }).catch(() => undefined)}>
        {transparencyUi.link}
      </Text>
      <CatalogueChooser catalogues={catalogues} activeId={activeId} onChoose={setChosenId} />
      <CataloguePlans
        key={activeId}
        catalogueId={activeId}
        codes={ticked[activeId] ?? NONE}
        onCodesChange={(codes) => setTicked((all) => ({ ...all, [activeId]: codes }))}
        onRetry={retry}
        eventId={eventId}
      />
    </View>
  )
}
