import { useState } from 'react'
import Taro from '@tarojs/taro'
import { Text, View } from '@tarojs/components'
import { Button } from '@nutui/nutui-react-taro'
import { payeeUi, ui, type PayeeAccountList } from '@huzhu/shared'
import { errorMessage } from '../../api/errors'
import { deletePayeeAccount, listPayeeAccounts, setDefaultPayeeAccount } from '../../api/payee-accounts'
import { ErrorState, LoadingState } from '../../components/StateView'
import { currentPageUrl } from '../../lib/auth'
import { routes, withRedirect } from '../../lib/routes'
import { useLoad } from '../../lib/use-api'
import { PayeeAccountForm } from './PayeeAccountForm'
import { PayeeOption } from './PayeeChooser'
import './payee.scss'

/**
 * 收款账户: the member's bank accounts for claim payouts, numbers masked, the
 * default first; add one (in the name on the profile), make one the default,
 * delete one no unpaid claim is to be paid to (the server says which claims
 * hold it otherwise).
 */
export function PayeeAccountsScreen() {
  const loaded = useLoad(listPayeeAccounts, [])
  const [adding, setAdding] = useState(false)
  const [busy, setBusy] = useState<string | null>(null)
  const [error, setError] = useState<string | null>(null)

  if (loaded.status === 'loading') return <LoadingState id='payee-accounts-loading' />
  if (loaded.status === 'error') return <ErrorState id='payee-accounts-error' message={loaded.message} onRetry={loaded.retry} />
  const list = loaded.value
  if (list.holderName === null) {
    return (
      <View id='payee-accounts' className='card'>
        <Text className='hint'>{payeeUi.needProfile}</Text>
        <Button id='payee-accounts-profile' type='primary' block onClick={() => void Taro.navigateTo({ url: withRedirect(routes.profile, currentPageUrl()) })}>{payeeUi.fillProfile}</Button>
      </View>
    )
  }

  const act = async (id: string, action: () => Promise<PayeeAccountList>) => {
    setBusy(id)
    setError(null)
    try {
      loaded.set(await action())
    } catch (e) {
      setError(errorMessage(e))
    } finally {
      setBusy(null)
    }
  }
  const remove = async (id: string) => {
    const answer = await Taro.showModal({ title: payeeUi.remove, content: payeeUi.removeConfirm, confirmText: ui.common.confirm, cancelText: ui.common.cancel })
    if (!answer.confirm) return
    await act(id, async () => {
      await deletePayeeAccount(id)
      return listPayeeAccounts()
    })
  }

  return (
    <View id='payee-accounts' className='actions'>
      <View className='card'>
        <Text className='card__title'>{payeeUi.title}</Text>
        <Text className='hint'>{payeeUi.intro}</Text>
        {list.accounts.length === 0 && <Text id='payee-accounts-empty' className='hint'>{payeeUi.empty}</Text>}
        <View className='payee-list'>
          {list.accounts.map((a) => (
            <PayeeOption key={a.id} id={`payee-account-${a.id}`} account={a}>
              <View className='payee-option__actions'>
                {!a.isDefault && (
                  <Button id={`payee-account-${a.id}-default`} size='small' disabled={busy !== null} onClick={() => void act(a.id, () => setDefaultPayeeAccount(a.id))}>{payeeUi.setDefault}</Button>
                )}
                <Button id={`payee-account-${a.id}-remove`} size='small' disabled={busy !== null} onClick={() => void remove(a.id)}>{payeeUi.remove}</Button>
              </View>
            </PayeeOption>
          ))}
        </View>
        {error && <Text id='payee-accounts-failure' className='field-error'>{error}</Text>}
      </View>
      {adding ? (
        <View className='card'>
          <PayeeAccountForm
            holderName={list.holderName}
            idPrefix='payee-new'
            offerDefault={list.accounts.length > 0}
            onAdded={() => {
              setAdding(false)
              void Taro.showToast({ title: payeeUi.saved, icon: 'success' })
              void act('new', listPayeeAccounts)
            }}
            onCancel={() => setAdding(false)}
          />
        </View>
      ) : (
        <Button id='payee-accounts-add' type='primary' block onClick={() => setAdding(true)}>{payeeUi.add}</Button>
      )}
    </View>
  )
}
