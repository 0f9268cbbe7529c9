import { useEffect, useMemo, useState } from 'react'
import Taro from '@tarojs/taro'
import { Text, View } from '@tarojs/components'
import { Button } from '@nutui/nutui-react-taro'
import { payeeUi, type PayeeAccount, type PayeeAccountList } from '@huzhu/shared'
import { listPayeeAccounts } from '../../api/payee-accounts'
import { ErrorState, LoadingState } from '../../components/StateView'
import { routes, withRedirect } from '../../lib/routes'
import { currentPageUrl } from '../../lib/auth'
import { useLoad, useRevalidate } from '../../lib/use-api'
import { PayeeAccountForm } from './PayeeAccountForm'
import './payee.scss'

/** One account as a choice: its bank, the number masked, "default". */
export function PayeeOption({ id, account, active, onClick, children }: {
  id: string
  account: Pick<PayeeAccount, 'bankName' | 'numberMasked'> & { isDefault?: boolean }
  active?: boolean
  onClick?: () => void
  children?: React.ReactNode
}) {
  return (
    <View id={id} className={`payee-option${active ? ' is-active' : ''}`} onClick={onClick}>
      <Text className='payee-option__number'>{account.numberMasked}</Text>
      <Text className='payee-option__bank'>
        {account.bankName}
        {account.isDefault && <Text className='payee-option__tag'>{` ${payeeUi.default} `}</Text>}
      </Text>
      {children}
    </View>
  )
}

/**
 * Chooses which of the member's accounts a claim is paid to, or adds one on the
 * spot (in the name on their profile). With nothing chosen yet, the default
 * account is. Without a profile, it sends the member to fill it in first.
 */
export function PayeeChooser({ idPrefix, selected, onSelect, error, exclude }: {
  idPrefix: string
  selected: string | null
  onSelect: (accountId: string) => void
  error?: string | undefined
  /** An account not to offer (the one the bank could not pay to). */
  exclude?: string | undefined
}) {
  const loaded = useLoad(listPayeeAccounts, [])
  const revalidate = useRevalidate()
  const [added, setAdded] = useState<PayeeAccount[]>([])
  const [adding, setAdding] = useState(false)
  const list: PayeeAccountList | null = loaded.status === 'ready' ? loaded.value : null
  const accounts = useMemo(
    () => (list ? [...list.accounts, ...added.filter((a) => !list.accounts.some((b) => b.id === a.id))].filter((a) => a.id !== exclude) : []),
    [list, added, exclude],
  )

  // Nothing chosen, or a choice that is no longer there (a kept draft): the default, else the first.
  useEffect(() => {
    if (!list || adding) return
    if (selected !== null && accounts.some((a) => a.id === selected)) return
    const fallback = accounts.find((a) => a.isDefault) ?? accounts[0]
    if (fallback && fallback.id !== selected) onSelect(fallback.id)
  }, [list, accounts, selected, adding, onSelect])

  if (loaded.status === 'loading') return <LoadingState id={`${idPrefix}-loading`} />
  if (loaded.status === 'error') return <ErrorState id={`${idPrefix}-error`} message={loaded.message} onRetry={loaded.retry} />
  if (list!.holderName === null) {
    return (
      <View id={`${idPrefix}-no-profile`} className='actions'>
        <Text className='hint'>{payeeUi.needProfile}</Text>
        <Button id={`${idPrefix}-profile`} block onClick={() => void Taro.navigateTo({ url: withRedirect(routes.profile, currentPageUrl()) })}>{payeeUi.fillProfile}</Button>
      </View>
    )
  }
  const onAdded = (account: PayeeAccount) => {
    setAdded((rows) => [...rows, account])
    // The accounts screen (and any other list of them) shows it too.
    void revalidate(listPayeeAccounts)
    setAdding(false)
    onSelect(account.id)
  }
  return (
    <View id={idPrefix} className='payee-list'>
      {accounts.map((a) => (
        <PayeeOption key={a.id} id={`${idPrefix}-account-${a.id}`} account={a} active={a.id === selected} onClick={() => onSelect(a.id)} />
      ))}
      {accounts.length === 0 && !adding && <Text id={`${idPrefix}-empty`} className='hint'>{payeeUi.empty}</Text>}
      {error && <Text id={`${idPrefix}-required`} className='field-error'>{error}</Text>}
      {adding || accounts.length === 0 ? (
        <PayeeAccountForm holderName={list!.holderName} idPrefix={`${idPrefix}-new`} onAdded={onAdded} {...(accounts.length > 0 ? { onCancel: () => setAdding(false) } : {})} />
      ) : (
        <Button id={`${idPrefix}-add`} block onClick={() => setAdding(true)}>{payeeUi.add}</Button>
      )}
    </View>
  )
}
