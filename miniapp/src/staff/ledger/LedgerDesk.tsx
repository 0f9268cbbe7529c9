import { useState } from 'react'
import { Button, Text, View } from '@tarojs/components'
import {
  chinaDateOf, fillTemplate, formatYuan, fundingSourceLabels, isCivilDate, LEDGER_MAX_DAYS, ledgerRangeProblem, ledgerUi, message,
  type Ledger, type LedgerFigures, type LedgerQuery, type LedgerRow,
} from '@huzhu/shared'
import { fetchCatalogueSummaries } from '../../api/catalogues'
import { ErrorState, LoadingState } from '../../components/StateView'
import { useLoad } from '../../lib/use-api'
import { ChipsField } from '../components/Chips'
import { Field, TextInput } from '../components/Field'
import { useSubmit } from '../lib/use-submit'
import { downloadLedger, fetchLedger } from './ledger-api'

const ALL = 'all'

/** The lines of a row's (or the totals') figures; a row shows only what moved, the totals everything. */
function FigureLines({ id, figures, every }: { id: string; figures: LedgerFigures; every: boolean }) {
  const f = figures
  const premiums = f.paidEnrolmentCount > 0 || f.premiumsOnlineFen !== 0 || f.premiumsTransferFen !== 0
  const lines: [string, boolean, string][] = [
    ['premiums', premiums, fillTemplate(ledgerUi.premiums, { online: formatYuan(f.premiumsOnlineFen), transfer: formatYuan(f.premiumsTransferFen), count: f.paidEnrolmentCount })],
    ['refunds', f.refundCount > 0, fillTemplate(ledgerUi.refunds, { count: f.refundCount, amount: formatYuan(f.refundsFen) })],
    ['net', premiums || f.refundCount > 0, fillTemplate(ledgerUi.net, { amount: formatYuan(f.netPremiumsFen) })],
    ['claims-paid', f.claimsPaidCount > 0, fillTemplate(ledgerUi.claimsPaid, { count: f.claimsPaidCount, amount: formatYuan(f.claimsPaidFen) })],
    ['claims-failed', f.claimsFailedCount > 0, fillTemplate(ledgerUi.claimsFailed, { count: f.claimsFailedCount, amount: formatYuan(f.claimsFailedFen) })],
  ]
  return (
    <>
      {lines.filter(([, moved]) => every || moved).map(([key, , text]) => <Text key={key} id={`${id}-${key}`} className='staff-line__value'>{text}</Text>)}
    </>
  )
}

function RowCard({ row, index }: { row: LedgerRow; index: number }) {
  const funding = row.fundingSource === null ? ledgerUi.fundingUnknown : fundingSourceLabels[row.fundingSource]
  const id = `ledger-row-${index}`
  return (
    <View id={id} className='ledger-row' data-day={row.day} data-catalogue={row.catalogueId} data-funding={row.fundingSource ?? ''}>
      <Text className='ledger-row__title'>{fillTemplate(ledgerUi.rowTitle, { day: row.day, catalogue: row.catalogueName, funding })}</Text>
      <FigureLines id={id} figures={row} every={false} />
    </View>
  )
}

function LedgerResult({ ledger }: { ledger: Ledger }) {
  return (
    <View id='ledger-result' className='staff-card' data-from={ledger.from} data-to={ledger.to}>
      <Text className='staff-card__title'>{fillTemplate(ledgerUi.range, { from: ledger.from, to: ledger.to })}</Text>
      <View id='ledger-totals' className='ledger-totals'>
        <Text className='ledger-row__title'>{ledgerUi.totals}</Text>
        <FigureLines id='ledger-totals' figures={ledger.totals} every />
      </View>
      {ledger.rows.length === 0
        ? <Text id='ledger-empty' className='staff-muted'>{ledgerUi.empty}</Text>
        : <View id='ledger-rows'>{ledger.rows.map((row, i) => <RowCard key={`${row.day}|${row.catalogueId}|${row.fundingSource}`} row={row} index={i} />)}</View>}
    </View>
  )
}

/**
 * The ledger desk: a range of China dates (this month so far when opened) and a
 * catalogue or all; the totals and one card per day, catalogue and funding
 * source; the same as an Excel workbook. The range is checked here as the
 * server checks it, so a wrong one says why before anything is asked.
 */
export function LedgerDesk() {
  const today = chinaDateOf(new Date())
  const [from, setFrom] = useState(`${today.slice(0, 8)}01`)
  const [to, setTo] = useState(today)
  const [catalogueId, setCatalogueId] = useState(ALL)
  const [query, setQuery] = useState<LedgerQuery>({ from, to })
  const catalogues = useLoad(fetchCatalogueSummaries, [])
  const ledger = useLoad(fetchLedger, [query])
  const { busy, error, run, fail } = useSubmit()

  const show = () => {
    const [f, t] = [from.trim(), to.trim()]
    if (!isCivilDate(f) || !isCivilDate(t)) return fail(ledgerUi.dateInvalid)
    const problem = ledgerRangeProblem(f, t)
    if (problem) return fail(message(problem, { days: LEDGER_MAX_DAYS }))
    fail(null)
    setQuery(catalogueId === ALL ? { from: f, to: t } : { from: f, to: t, catalogueId })
  }

  const options = [{ value: ALL, label: ledgerUi.allCatalogues }, ...(catalogues.status === 'ready' ? catalogues.value.map((c) => ({ value: c.id, label: c.name })) : [])]
  return (
    <View id='ledger-desk' className='staff-wrap'>
      <View id='ledger-form' className='staff-card'>
        <Text className='staff-muted'>{ledgerUi.intro}</Text>
        <View className='ledger-dates'>
          <Field label={ledgerUi.from}><TextInput id='ledger-from' value={from} onChange={setFrom} placeholder={ledgerUi.datePlaceholder} /></Field>
          <Field label={ledgerUi.to}><TextInput id='ledger-to' value={to} onChange={setTo} placeholder={ledgerUi.datePlaceholder} /></Field>
        </View>
        <ChipsField label={ledgerUi.catalogue} idPrefix='ledger-catalogue' options={options} selected={[catalogueId]} onChange={(v) => setCatalogueId(v[0] ?? ALL)} />
        {error && <Text id='ledger-error' className='staff-error-text'>{error}</Text>}
        <View className='staff-row'>
          <Button id='ledger-show' className='staff-button staff-button--primary' onClick={show}>{ledgerUi.show}</Button>
          <Button id='ledger-download' className='staff-button' disabled={busy || ledger.status !== 'ready' || undefined} onClick={() => void run(() => downloadLedger(query))}>
            {ledgerUi.download}
          </Button>
        </View>
      </View>
      {ledger.status === 'loading' && <LoadingState id='ledger-loading' />}
      {ledger.status === 'error' && <ErrorState id='ledger-load-error' message={ledger.message} onRetry={ledger.retry} />}
      {ledger.status === 'ready' && <LedgerResult ledger={ledger.value} />}
    </View>
  )
}
