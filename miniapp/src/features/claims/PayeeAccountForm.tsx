import { useState } from 'react'
import { Input, Text, View } from '@tarojs/components'
import { Button } from '@nutui/nutui-react-taro'
import {
  bankAccountTypingProblem, describeIssues, groupBankAccountNumber, message, normaliseBankAccountNumber, payeeAccountCreateRequestSchema, payeeUi,
  type MessageCode, type PayeeAccount,
} from '@huzhu/shared'
import { ApiError, errorMessage } from '../../api/errors'
import { addPayeeAccount } from '../../api/payee-accounts'
import './payee.scss'

type Errors = Partial<Record<'bankName' | 'accountNumber', string>>

/** The shared rule's message for what is already wrong as the number is typed (null: nothing yet). */
function typingError(input: string): string | null {
  const problem = bankAccountTypingProblem(input)
  return problem && !problem.ok ? message(problem.code as MessageCode, problem.params) : null
}

/**
 * Adds a bank account of the member's own: the holder is the name on their
 * profile (shown, not typed), the bank, and the number, checked by the shared
 * rules as it is typed (shown in groups of four) and in full when sent.
 */
export function PayeeAccountForm({ holderName, idPrefix = 'payee', offerDefault = false, onAdded, onCancel }: {
  holderName: string
  idPrefix?: string
  /** Offer "make it the default" (the accounts page); the first account is the default anyway. */
  offerDefault?: boolean
  onAdded: (account: PayeeAccount) => void
  onCancel?: () => void
}) {
  const [bankName, setBankName] = useState('')
  const [number, setNumber] = useState('')
  const [makeDefault, setMakeDefault] = useState(false)
  const [errors, setErrors] = useState<Errors>({})
  const [busy, setBusy] = useState(false)
  const [failure, setFailure] = useState<string | null>(null)

  const onNumber = (value: string) => {
    const digits = normaliseBankAccountNumber(value)
    setNumber(/^\d*$/.test(digits) ? groupBankAccountNumber(digits) : value)
    setErrors((e) => ({ ...e, accountNumber: typingError(value) ?? undefined }))
  }

  const save = async () => {
    const parsed = payeeAccountCreateRequestSchema.safeParse({ holderName, bankName, accountNumber: number, ...(makeDefault ? { makeDefault } : {}) })
    if (!parsed.success) {
      const next: Errors = {}
      for (const problem of describeIssues(parsed.error)) next[problem.path as keyof Errors] ??= problem.message
      setErrors(next)
      return
    }
    setBusy(true)
    setFailure(null)
    try {
      onAdded(await addPayeeAccount(parsed.data))
    } catch (e) {
      const field = e instanceof ApiError && e.code === 'payee_account_exists' ? 'accountNumber' : null
      if (field) setErrors({ [field]: errorMessage(e) })
      else setFailure(errorMessage(e))
    } finally {
      setBusy(false)
    }
  }

  return (
    <View id={`${idPrefix}-form`} className='payee-form'>
      <Text className='card__title'>{payeeUi.addTitle}</Text>
      <View className='field'>
        <Text className='field__label'>{payeeUi.holder}</Text>
        <Text id={`${idPrefix}-holder`} className='payee-form__holder'>{holderName}</Text>
        <Text className='hint'>{payeeUi.holderHint}</Text>
      </View>
      <View className={`field${errors.bankName ? ' has-error' : ''}`}>
        <Text className='field__label'>{payeeUi.bankName}</Text>
        <Input id={`${idPrefix}-bank`} className='field__input' value={bankName} maxlength={60} placeholder={payeeUi.bankNamePlaceholder}
          onInput={(e) => { setBankName(e.detail.value); setErrors((x) => ({ ...x, bankName: undefined })) }} />
        {errors.bankName && <Text id={`${idPrefix}-bank-error`} className='field-error'>{errors.bankName}</Text>}
      </View>
      <View className={`field${errors.accountNumber ? ' has-error' : ''}`}>
        <Text className='field__label'>{payeeUi.number}</Text>
        <Input id={`${idPrefix}-number`} className='field__input' value={number} maxlength={40} placeholder={payeeUi.numberPlaceholder}
          onInput={(e) => onNumber(e.detail.value)}
          onBlur={() => {
            const parsed = payeeAccountCreateRequestSchema.shape.accountNumber.safeParse(number)
            if (number.trim() !== '' && !parsed.success) setErrors((x) => ({ ...x, accountNumber: describeIssues(parsed.error)[0]?.message }))
          }} />
        {errors.accountNumber ? <Text id={`${idPrefix}-number-error`} className='field-error'>{errors.accountNumber}</Text> : <Text className='hint'>{payeeUi.numberHint}</Text>}
      </View>
      {offerDefault && (
        <View id={`${idPrefix}-default`} className={`choice flag-row${makeDefault ? ' is-active' : ''}`} onClick={() => setMakeDefault((v) => !v)}>
          {`${makeDefault ? '☑' : '☐'} ${payeeUi.makeDefault}`}
        </View>
      )}
      {failure && <Text id={`${idPrefix}-failure`} className='field-error'>{failure}</Text>}
      <Button id={`${idPrefix}-save`} type='primary' block loading={busy} onClick={() => void save()}>{busy ? payeeUi.saving : payeeUi.save}</Button>
      {onCancel && <Button id={`${idPrefix}-cancel`} block onClick={onCancel}>{payeeUi.cancel}</Button>}
    </View>
  )
}
