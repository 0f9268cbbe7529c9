import { useState, type ChangeEvent } from 'react'
import { Button, Text, View } from '@tarojs/components'
import {
  bankResultColumns, fillTemplate, formatYuan, requiredBankResultColumns, staffUi, type ClaimPaymentBatch, type ClaimPaymentBatchDetail, type ClaimPaymentResults,
} from '@huzhu/shared'
import { ErrorState, LoadingState } from '../../components/StateView'
import { useLoad } from '../../lib/use-api'
import { chooseXlsxFileWeapp, takeChosenFile, XLSX_TYPE } from '../lib/files'
import { chinaTime, shortClaimNumber } from '../lib/format'
import { useSubmit } from '../lib/use-submit'
import { BankResults } from './BankResults'
import { downloadBankFile, fetchPaymentBatch, fetchPaymentBatches, uploadBankResults } from './claim-payments-api'

const ui = staffUi.claimPayments
const optionalColumns = (Object.keys(bankResultColumns) as (keyof typeof bankResultColumns)[])
  .filter((key) => !(requiredBankResultColumns as readonly string[]).includes(key)).map((key) => bankResultColumns[key])

/** A batch's lines: claim, masked name and account, amount, the bank's result. */
function BatchLines({ id, detail }: { id: string; detail: ClaimPaymentBatchDetail }) {
  return (
    <View id={id} className='staff-table'>
      {detail.lines.map((line) => (
        <View key={line.claimId} id={`${id}-${line.claimId}`} className='staff-table__row' data-result={line.result}>
          <Text className='staff-table__cell staff-table__cell--narrow'>{shortClaimNumber(line.claimId)}</Text>
          <Text className='staff-table__cell'>{`${line.personName} · ${line.bankName} ${line.accountMasked} · ${formatYuan(line.amountFen)}`}</Text>
          <Text className='staff-table__cell'>{[ui.result[line.result], line.settledOn ?? '', line.failureReason ?? ''].filter(Boolean).join(' ')}</Text>
        </View>
      ))}
    </View>
  )
}

/**
 * One batch at the desk: its figures, the bank file to download (while lines
 * await the bank), the results file to upload, what the upload did, the lines.
 */
function BatchCard({ batch, onChanged }: { batch: ClaimPaymentBatch; onChanged: () => void }) {
  const [results, setResults] = useState<ClaimPaymentResults | null>(null)
  const [detail, setDetail] = useState<ClaimPaymentBatchDetail | null>(null)
  const { busy, error, run } = useSubmit()
  const id = `pay-batch-${batch.id}`
  const shown = results?.batch ?? batch

  const upload = (bytes: ArrayBuffer) =>
    run(async () => {
      setResults(null)
      setResults(await uploadBankResults(batch.id, bytes))
      if (detail) setDetail(await fetchPaymentBatch(batch.id))
      onChanged()
    })
  const onFile = async (event: ChangeEvent<HTMLInputElement>) => {
    const file = await takeChosenFile(event.target)
    if (file) await upload(file.bytes)
  }
  const chooseWeapp = async () => {
    const file = await chooseXlsxFileWeapp()
    if (file) await upload(file.bytes)
  }
  const toggleLines = () => (detail ? setDetail(null) : void run(async () => setDetail(await fetchPaymentBatch(batch.id))))

  return (
    <View id={id} className='staff-card pay-batch' data-pending={shown.pendingCount}>
      <Text className='staff-line__value'>{fillTemplate(ui.batchSummary, { date: chinaTime(batch.createdAt), count: batch.count, amount: formatYuan(batch.totalFen) })}</Text>
      <Text id={`${id}-counts`} className='staff-muted'>
        {fillTemplate(ui.batchCounts, { pending: shown.pendingCount, paid: shown.paidCount, failed: shown.failedCount })}
      </Text>
      <View className='staff-row'>
        {shown.pendingCount > 0 && (
          <Button id={`${id}-bank-file`} className='staff-button staff-button--small staff-button--primary' disabled={busy || undefined} onClick={() => void run(() => downloadBankFile(batch.id))}>
            {ui.bankFile}
          </Button>
        )}
        {process.env.TARO_ENV === 'h5' ? (
          <label id={`${id}-upload`} className='staff-button staff-button--small staff-file-picker'>
            <Text>{results ? ui.reuploadResults : ui.uploadResults}</Text>
            <input id={`${id}-results-file`} className='staff-file-picker__input' type='file' accept={`.xlsx,${XLSX_TYPE}`} disabled={busy} onChange={(e) => void onFile(e)} />
          </label>
        ) : (
          <Button id={`${id}-upload`} className='staff-button staff-button--small' disabled={busy || undefined} onClick={() => void chooseWeapp()}>{ui.weappChoose}</Button>
        )}
        <Button id={`${id}-toggle-lines`} className='staff-button staff-button--small' onClick={toggleLines}>{detail ? ui.hideLines : ui.showLines}</Button>
      </View>
      {shown.pendingCount > 0 && <Text className='staff-muted'>{ui.bankFileHint}</Text>}
      {busy && <Text className='staff-muted'>{ui.importing}</Text>}
      {error && <Text id={`${id}-error`} className='staff-error-text'>{error}</Text>}
      {results && <BankResults id={`${id}-results`} results={results} />}
      {detail && <BatchLines id={`${id}-lines`} detail={detail} />}
    </View>
  )
}

/** The payment batches, newest first (reloaded when a batch is made on this page). */
export function PaymentBatches({ onChanged }: { onChanged: () => void }) {
  const batches = useLoad(fetchPaymentBatches, [])
  return (
    <View id='pay-batches' className='staff-card'>
      <Text className='staff-card__title'>{ui.batches}</Text>
      <Text className='staff-muted'>{fillTemplate(ui.resultsColumns, { required: requiredBankResultColumns.map((k) => bankResultColumns[k]).join('、'), optional: optionalColumns.join('、') })}</Text>
      {batches.status === 'loading' && <LoadingState id='pay-batches-loading' />}
      {batches.status === 'error' && <ErrorState id='pay-batches-error' message={batches.message} onRetry={batches.retry} />}
      {batches.status === 'ready' && batches.value.length === 0 && <Text id='pay-batches-empty' className='staff-muted'>{ui.noBatches}</Text>}
      {batches.status === 'ready' && batches.value.map((b) => <BatchCard key={b.id} batch={b} onChanged={onChanged} />)}
    </View>
  )
}
