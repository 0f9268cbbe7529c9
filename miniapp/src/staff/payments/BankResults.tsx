import { Text, View } from '@tarojs/components'
import { fillTemplate, formatYuan, staffUi, type ClaimPaymentResults } from '@huzhu/shared'
import { shortClaimNumber } from '../lib/format'

/**
 * What a results file did: how many paid, failed and unmatched; the failed
 * lines (their claims back to awaiting payment, the members asked to correct
 * their account) and every line that matched nothing, with why.
 */
export function BankResults({ id, results }: { id: string; results: ClaimPaymentResults }) {
  const ui = staffUi.claimPayments
  return (
    <View id={id} className='bank-results'>
      <Text id={`${id}-summary`} className={`staff-tag ${results.unmatched.length > 0 || results.failed.length > 0 ? 'staff-tag--error' : 'staff-tag--ok'}`}>
        {fillTemplate(ui.resultsDone, { paid: results.paid.length, failed: results.failed.length, unmatched: results.unmatched.length })}
      </Text>
      {results.alreadyRecorded > 0 && <Text className='staff-muted'>{fillTemplate(ui.alreadyRecorded, { count: results.alreadyRecorded })}</Text>}
      {results.failed.length > 0 && (
        <View id={`${id}-failed`} className='staff-table'>
          <Text className='staff-field__label'>{ui.failedLines}</Text>
          {results.failed.map((line) => (
            <View key={line.row} id={`${id}-failed-${line.row}`} className='staff-table__row' data-claim-id={line.claimId}>
              <Text className='staff-table__cell staff-table__cell--narrow'>{fillTemplate(ui.row, { row: line.row })}</Text>
              <Text className='staff-table__cell'>{shortClaimNumber(line.claimId)}</Text>
              <Text className='staff-table__cell staff-table__cell--wide'>{line.reason}</Text>
            </View>
          ))}
        </View>
      )}
      {results.unmatched.length > 0 && (
        <View id={`${id}-unmatched`} className='staff-table'>
          <Text className='staff-field__label'>{ui.unmatchedLines}</Text>
          {results.unmatched.map((line) => (
            <View key={line.row} id={`${id}-unmatched-${line.row}`} className='staff-table__row' data-code={line.code}>
              <Text className='staff-table__cell staff-table__cell--narrow'>{fillTemplate(ui.row, { row: line.row })}</Text>
              <Text className='staff-table__cell staff-table__cell--wide'>
                {[line.claimNumber ? shortClaimNumber(line.claimNumber) : '', line.accountMasked ?? '', line.amountFen !== null ? formatYuan(line.amountFen) : ''].filter(Boolean).join(' · ')}
              </Text>
              <Text className='staff-table__cell staff-table__cell--wide'>{line.message}</Text>
            </View>
          ))}
        </View>
      )}
    </View>
  )
}
