import { useState, type ChangeEvent } from 'react'
import { Button, Text, View } from '@tarojs/components'
import { bankStatementUi, fillTemplate, formatYuan, type BankStatementImport as ImportResult } from '@huzhu/shared'
import { chooseXlsxFileWeapp, takeChosenFile, XLSX_TYPE } from '../lib/files'
import { useSubmit } from '../lib/use-submit'
import { uploadBankStatement } from './bank-statement-api'
import { BankStatementLines } from './BankStatementLines'
import './bank-statement.scss'

/**
 * Transfers are matched by importing the office's bank statement, never typed
 * one by one: upload the xlsx; lines whose memo carries a payment code (or
 * whose payer and amount fit exactly one pending payment) are paid and their
 * cover starts; every other line is listed with its row and reason. `onMatched`
 * tells the page that enrolments were paid (its pending lists refresh).
 */
export function BankStatementImport({ onMatched }: { onMatched?: () => void }) {
  const t = bankStatementUi.import
  const [result, setResult] = useState<ImportResult | null>(null)
  const { busy, error, run } = useSubmit()

  const upload = (bytes: ArrayBuffer) =>
    run(async () => {
      setResult(null)
      const done = await uploadBankStatement(bytes)
      setResult(done)
      if (done.matchedCount > 0) onMatched?.()
    })

  const onFile = async (event: ChangeEvent<HTMLInputElement>) => {
    const file = await takeChosenFile(event.target)
    if (file) await upload(file.bytes)
  }

  const chooseWeapp = async () => {
    const file = await chooseXlsxFileWeapp()
    if (file) await upload(file.bytes)
  }

  const matched = result?.lines.filter((l) => l.result === 'matched') ?? []
  const unmatched = result?.lines.filter((l) => l.result !== 'matched') ?? []
  return (
    <View id='bank-statement' className='staff-card'>
      <Text className='staff-card__title'>{t.title}</Text>
      <Text className='staff-muted'>{t.intro}</Text>
      <Text id='bank-statement-columns' className='staff-muted'>{t.columns}</Text>
      <View className='staff-row'>
        {process.env.TARO_ENV === 'h5' ? (
          <label id='bank-statement-upload' className='staff-button staff-button--primary staff-file-picker'>
            <Text>{result ? t.reupload : t.upload}</Text>
            <input id='bank-statement-file' className='staff-file-picker__input' type='file' accept={`.xlsx,${XLSX_TYPE}`} disabled={busy} onChange={(e) => void onFile(e)} />
          </label>
        ) : (
          <Button id='bank-statement-upload' className='staff-button staff-button--primary' disabled={busy || undefined} onClick={() => void chooseWeapp()}>
            {t.weappChoose}
          </Button>
        )}
      </View>
      {busy && <Text className='staff-muted'>{t.uploading}</Text>}
      {error && <Text id='bank-statement-error' className='staff-error-text'>{error}</Text>}
      {result && (
        <View id='bank-statement-result' className='bank-statement-result' data-matched={result.matchedCount} data-unmatched={result.unmatchedCount} data-activated={result.activatedCount}>
          <Text id='bank-statement-summary' className={`staff-tag ${result.unmatchedCount > 0 ? 'staff-tag--error' : 'staff-tag--ok'}`}>
            {fillTemplate(t.summary, {
              lines: result.lineCount, matched: result.matchedCount, amount: formatYuan(result.matchedFen), activated: result.activatedCount, unmatched: result.unmatchedCount,
            })}
          </Text>
          {result.matchedCount > 0 && <Text className='staff-muted'>{fillTemplate(t.paidOn, { date: result.paidOn })}</Text>}
          {unmatched.length > 0
            ? <BankStatementLines prefix='bank-unmatched' title={t.unmatchedTitle} lines={unmatched} />
            : <Text id='bank-statement-all-matched' className='staff-muted'>{t.noneUnmatched}</Text>}
          {matched.length > 0 && <BankStatementLines prefix='bank-matched' title={t.matchedTitle} lines={matched} />}
        </View>
      )}
    </View>
  )
}
