import { useMemo, useState } from 'react'
import { Text, View } from '@tarojs/components'
import {
  cataloguesUi, fillTemplate, formatYuan, loadCatalogue, type Catalogue, type CataloguePreviewResponse, type CivilDate,
} from '@huzhu/shared'
import { ProductList } from '../../features/plans/ProductList'
import { QuotePanel } from '../../features/plans/QuotePanel'
import { liveQuote } from '../../features/quote/live-quote'
import { formatDate } from '../../lib/format'

type Preview = CataloguePreviewResponse['preview']

/** Each product's benefits in words, with its price and tier: what the member's plan card sums up. */
function Benefits({ preview }: { preview: Preview }) {
  return (
    <View id='catalogue-preview-benefits' className='staff-card'>
      <Text className='staff-card__title'>{cataloguesUi.benefitsTitle}</Text>
      {preview.products.map((p) => (
        <View key={p.code} id={`catalogue-preview-product-${p.code}`} className='catalogue-product'>
          <Text className='catalogue-product__head'>{`${p.code} ${p.name} · ${p.categoryName}${p.tierLabel} · ${formatYuan(p.priceFen)}`}</Text>
          <Text className='staff-muted'>
            {[p.summary, fillTemplate(cataloguesUi.maxShares, { count: p.maxShares }), ...(p.riderOf ? [fillTemplate(cataloguesUi.rider, { code: p.riderOf })] : [])].join(' ')}
          </Text>
          {p.benefits.map((b) => (
            <Text key={b.id} className='catalogue-product__benefit'>{`${b.name}：${b.text}`}</Text>
          ))}
        </View>
      ))}
    </View>
  )
}

/** Per enrolment mode: the cover period and each category's waiting period for an application accepted that day. */
function Modes({ preview }: { preview: Preview }) {
  return (
    <View id='catalogue-preview-modes' className='staff-card'>
      <Text className='staff-card__title'>{cataloguesUi.modesTitle}</Text>
      {preview.modes.map((m) => (
        <View key={m.mode} id={`catalogue-preview-mode-${m.mode}`} className='catalogue-mode'>
          <Text className='catalogue-mode__label'>{m.label}</Text>
          {m.ok ? (
            <>
              <Text>{fillTemplate(cataloguesUi.modeDates, { date: formatDate(preview.acceptedOn), start: formatDate(m.start), end: formatDate(m.end) })}</Text>
              {m.waiting.map((w) => (
                <Text key={w.category} className='staff-muted'>
                  {fillTemplate(w.days > 0 ? cataloguesUi.waiting : cataloguesUi.noWaiting, { name: w.name, days: w.days, from: formatDate(w.coverFrom) })}
                </Text>
              ))}
            </>
          ) : (
            <Text className='staff-muted'>{fillTemplate(cataloguesUi.modeRefused, { date: formatDate(preview.acceptedOn), mode: m.label, reason: m.reason })}</Text>
          )}
        </View>
      ))}
    </View>
  )
}

/** The catalogue's rules in a few lines: term, enrolment window, bundles, half-year steps, renewal, two units. */
function Rules({ catalogue }: { catalogue: Catalogue }) {
  const { data } = catalogue
  const lines = [
    data.term.kind === 'plan_year'
      ? fillTemplate(cataloguesUi.termPlanYear, { start: formatDate(data.term.start), end: formatDate(data.term.end) })
      : fillTemplate(cataloguesUi.termRolling, { months: data.term.months }),
    fillTemplate(cataloguesUi.enrolmentWindow, {
      from: data.enrolment.opensOn ? formatDate(data.enrolment.opensOn) : cataloguesUi.anyDay,
      to: data.enrolment.closesOn ? formatDate(data.enrolment.closesOn) : cataloguesUi.anyDay,
    }),
    ...data.bundles.map((b) => {
      const listFen = b.products.reduce((sum, code) => sum + (catalogue.products.get(code)?.priceFen ?? 0), 0)
      return fillTemplate(cataloguesUi.bundle, { name: b.name, products: b.products.join('+'), price: formatYuan(b.priceFen), saving: formatYuan(listFen - b.priceFen) })
    }),
    ...data.proration.map((p) => fillTemplate(cataloguesUi.proration, { from: formatDate(p.startFrom), percent: `${p.rateBp / 100}%`, label: p.label })),
    fillTemplate(cataloguesUi.renewalWindow, { days: data.renewalWindowDays ?? 30 }),
    data.successor ? fillTemplate(cataloguesUi.successor, { id: data.successor }) : cataloguesUi.noSuccessor,
    data.twoUnitsAtOnce ? cataloguesUi.twoUnitsYes : cataloguesUi.twoUnitsNo,
    ...(data.illustrative ? [fillTemplate(cataloguesUi.illustrative, { text: data.illustrative })] : []),
  ]
  return (
    <View id='catalogue-preview-rules' className='staff-card'>
      <Text className='staff-card__title'>{cataloguesUi.term}</Text>
      {lines.map((line) => (
        <Text key={line} className='staff-muted'>{line}</Text>
      ))}
    </View>
  )
}

/**
 * A checked file as a member would see it: the member app's own product list
 * and live quote (the shared engine, instant enrolment accepted on `on`), then
 * the benefits, modes and rules in words.
 */
export function CataloguePreview({ result, on }: { result: CataloguePreviewResponse; on: CivilDate }) {
  const catalogue = useMemo(() => {
    const loaded = loadCatalogue(result.catalogue)
    return loaded.ok ? loaded.catalogue : null
  }, [result])
  const [codes, setCodes] = useState<readonly string[]>([])
  const live = useMemo(() => (catalogue ? liveQuote(catalogue, codes, on) : null), [catalogue, codes, on])
  if (!catalogue || !live) return null
  const onToggle = (code: string, selected: boolean) => {
    const next = new Set(codes)
    if (selected) next.add(code)
    else next.delete(code)
    setCodes(catalogue.data.products.map((p) => p.code).filter((c) => next.has(c)))
  }
  return (
    <View id='catalogue-preview' className='catalogue-preview'>
      <View className='staff-card catalogue-member-view'>
        <Text className='staff-card__title'>{`${cataloguesUi.previewTitle} · ${catalogue.data.name}`}</Text>
        <ProductList catalogue={catalogue} codes={codes} live={live} onToggle={onToggle} />
        <QuotePanel catalogue={catalogue} live={live} acceptedOn={on} />
      </View>
      <View className='staff-columns'>
        <Benefits preview={result.preview} />
        <View className='staff-wrap catalogue-preview__side'>
          <Modes preview={result.preview} />
          <Rules catalogue={catalogue} />
        </View>
      </View>
    </View>
  )
}
