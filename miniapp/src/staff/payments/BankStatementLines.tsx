import { Text, View } from '@tarojs/components'
import { bankStatementUi, fillTemplate, formatYuan, type BankStatementLine } from '@huzhu/shared'
import './bank-statement.scss'

/** `¥100.00`, or `-¥100.00` for money that went out. */
const amountText = (fen: number | null) => (fen === null ? '' : fen < 0 ? `-${formatYuan(-fen)}` : formatYuan(fen))

/**
 * Lines of a bank statement and what became of each: the row as the
 * spreadsheet shows it, date, payer, amount, memo, and the result with its
 * reason (for two candidates, each of them). A card per line on a phone, one
 * table row per line on a desk screen. Ids are `${prefix}-lines` and
 * `bank-line-<row>`.
 */
export function BankStatementLines({ prefix, title, lines }: { prefix: string; title: string; lines: readonly BankStatementLine[] }) {
  const t = bankStatementUi.import
  return (
    <View id={`${prefix}-lines`} className='bank-lines'>
      <Text className='staff-field__label'>{title}</Text>
      <View className='bank-lines__head'>
        <Text>{t.row}</Text>
        <Text>{t.date}</Text>
        <Text>{t.payer}</Text>
        <Text className='bank-line__amount'>{t.amount}</Text>
        <Text>{t.reference}</Text>
        <Text>{t.reason}</Text>
      </View>
      {lines.map((line) => (
        <View key={line.row} id={`bank-line-${line.row}`} className='bank-line' data-row={line.row} data-result={line.result}>
          <Text className='bank-line__row'>{fillTemplate(t.rowLabel, { row: line.row })}</Text>
          <Text className='bank-line__date'>{line.date ?? ''}</Text>
          <Text className='bank-line__payer'>{line.payer}</Text>
          <Text className='bank-line__amount'>{amountText(line.amountFen)}</Text>
          <Text className='bank-line__reference'>{line.reference}</Text>
          <View className='bank-line__outcome'>
            <Text className={`staff-tag ${line.result === 'matched' ? 'staff-tag--ok' : 'staff-tag--error'}`}>{bankStatementUi.result[line.result]}</Text>
            <Text className='bank-line__message'>{line.message}</Text>
            {line.candidates.length > 0 && (
              <View className='bank-line__candidates'>
                <Text className='staff-muted'>{t.candidates}</Text>
                {line.candidates.map((c) => (
                  <Text key={c.code} className='bank-line__candidate' data-code={c.code}>
                    {fillTemplate(t.candidate, { code: c.code, label: c.label, amount: formatYuan(c.amountFen) })}
                  </Text>
                ))}
              </View>
            )}
          </View>
        </View>
      ))}
    </View>
  )
}
