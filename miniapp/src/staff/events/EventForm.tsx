import { useState } from 'react'
import { Text, View } from '@tarojs/components'
import {
  eventFundingSources,
  fundingSourceLabels,
  isCivilDate,
  staffUi,
  type EventCreateRequest,
  type OutreachEvent,
} from '@huzhu/shared'
import { fetchCatalogueSummaries, getCatalogue } from '../../api'
import { useToday } from '../../lib/today'
import { useLoad } from '../../lib/use-api'
import { ChipsField } from '../components/Chips'
import { SubmitRow, TextField } from '../components/Field'
import { createEvent, fetchUnits } from '../lib/staff-api'
import { useSubmit } from '../lib/use-submit'

const NO_UNIT = 'none'

/** New outreach event: name, place, date, organising unit, catalogue, suggested products, who pays. */
export function EventForm({ onCreated }: { onCreated: (event: OutreachEvent) => void }) {
  const today = useToday()
  const [name, setName] = useState('')
  const [place, setPlace] = useState('')
  const [date, setDate] = useState<string>(today)
  const [unitId, setUnitId] = useState(NO_UNIT)
  const [catalogueId, setCatalogueId] = useState<string | null>(null)
  const [products, setProducts] = useState<string[]>([])
  const [funding, setFunding] = useState<(typeof eventFundingSources)[number]>('union_gift')
  const [giftLimit, setGiftLimit] = useState('')
  const [giftFrom, setGiftFrom] = useState<string>(today)
  const [giftTo, setGiftTo] = useState<string>(today)
  const { busy, error, run, fail } = useSubmit()

  // Without the units (or the catalogues) the lists offer nothing more; the form still says what is missing.
  const units = useLoad(fetchUnits, [])
  const catalogues = useLoad(fetchCatalogueSummaries, [])
  const chosen = catalogueId ?? (catalogues.status === 'ready' ? catalogues.value[0]?.id ?? null : null)
  const catalogue = useLoad(getCatalogue, chosen ? [chosen] : null, { keep: true })

  const submit = async () => {
    if (name.trim() === '' || place.trim() === '' || chosen === null) return fail(staffUi.events.required)
    if (!isCivilDate(date.trim())) return fail(staffUi.events.dateInvalid)
    // A gift has a budget (DOMAIN.md "Funding"): how many, which products (the suggested ones), which days.
    const limit = /^\d{1,6}$/.test(giftLimit.trim()) ? Number(giftLimit.trim()) : 0
    const gift = funding === 'union_gift' ? { limit, products, from: giftFrom.trim(), to: giftTo.trim() } : null
    if (gift && (gift.limit < 1 || products.length === 0 || !isCivilDate(gift.from) || !isCivilDate(gift.to))) return fail(staffUi.events.giftInvalid)
    const body: EventCreateRequest = {
      name: name.trim(),
      place: place.trim(),
      date: date.trim(),
      unitId: unitId === NO_UNIT ? null : unitId,
      catalogueId: chosen,
      products,
      fundingSource: funding,
      gift,
    }
    await run(async () => onCreated(await createEvent(body)))
  }

  return (
    <View id='new-event-form' className='staff-card'>
      <Text className='staff-card__title'>{staffUi.events.create}</Text>
      <TextField id='new-event-name' label={staffUi.events.name} value={name} onChange={setName} placeholder={staffUi.events.namePlaceholder} />
      <TextField id='new-event-place' label={staffUi.events.place} value={place} onChange={setPlace} placeholder={staffUi.events.placePlaceholder} />
      <TextField id='new-event-date' label={staffUi.events.date} value={date} onChange={setDate} placeholder={staffUi.events.datePlaceholder} />
      <ChipsField
        label={staffUi.events.unit}
        idPrefix='new-event-unit'
        options={[{ value: NO_UNIT, label: staffUi.events.noUnit }, ...(units.status === 'ready' ? units.value.map((u) => ({ value: u.id, label: u.name })) : [])]}
        selected={[unitId]}
        onChange={([value]) => setUnitId(value ?? NO_UNIT)}
      />
      <ChipsField
        label={staffUi.events.catalogue}
        idPrefix='new-event-catalogue'
        options={catalogues.status === 'ready' ? catalogues.value.map((c) => ({ value: c.id, label: c.name })) : []}
        selected={chosen ? [chosen] : []}
        onChange={([value]) => {
          setCatalogueId(value ?? null)
          setProducts([])
        }}
      />
      <ChipsField
        label={staffUi.events.products}
        idPrefix='new-event-product'
        multiple
        options={catalogue.status === 'ready' && catalogue.value ? catalogue.value.data.products.map((p) => ({ value: p.code, label: `${p.code} ${p.name}` })) : []}
        selected={products}
        onChange={setProducts}
      />
      <ChipsField
        label={staffUi.events.funding}
        idPrefix='new-event-funding'
        options={eventFundingSources.map((f) => ({ value: f, label: fundingSourceLabels[f] }))}
        selected={[funding]}
        onChange={([value]) => value && setFunding(value as (typeof eventFundingSources)[number])}
      />
      {funding === 'union_gift' && (
        <View id='new-event-gift'>
          <TextField id='new-event-gift-limit' type='digit' label={staffUi.events.giftLimit} value={giftLimit} onChange={setGiftLimit} placeholder={staffUi.events.giftLimitPlaceholder} />
          <TextField id='new-event-gift-from' label={staffUi.events.giftFrom} value={giftFrom} onChange={setGiftFrom} placeholder={staffUi.events.datePlaceholder} />
          <TextField id='new-event-gift-to' label={staffUi.events.giftTo} value={giftTo} onChange={setGiftTo} placeholder={staffUi.events.datePlaceholder} />
          <Text className='staff-muted'>{staffUi.events.giftHint}</Text>
        </View>
      )}
      <SubmitRow id='new-event-submit' errorId='new-event-error' error={error} busy={busy} label={staffUi.events.submit} onSubmit={() => void submit()} />
    </View>
  )
}
