import { useState } from 'react'
import Taro from '@tarojs/taro'
import { Text, View } from '@tarojs/components'
import { Button } from '@nutui/nutui-react-taro'
import { fillTemplate, payeeChangeableClaimStatuses, payeeUi, type Claim, type ClaimStatus } from '@huzhu/shared'
import { errorMessage } from '../../api/errors'
import { changeClaimPayee } from '../../api/payee-accounts'
import { formatDate } from '../../lib/format'
import { PayeeChooser, PayeeOption } from './PayeeChooser'
import './payee.scss'

/**
 * Where the claim is paid, on its page: the account (masked), whether the
 * payment is at the bank or paid, and after the bank could not pay it, "please
 * correct your account" with the bank's reason. Until the claim is at the bank
 * the member may choose another account (or add one).
 */
export function ClaimPayee({ claim, onChange }: { claim: Claim; onChange: (claim: Claim) => void }) {
  const changeable = (payeeChangeableClaimStatuses as readonly ClaimStatus[]).includes(claim.status)
  const failure = claim.paymentFailure
  const needsCorrection = failure !== null && !failure.accountChanged
  const [choosing, setChoosing] = useState(false)
  const [selected, setSelected] = useState<string | null>(null)
  const [busy, setBusy] = useState(false)
  const [error, setError] = useState<string | null>(null)

  const confirm = async () => {
    if (!selected) return setError(payeeUi.chooseRequired)
    setBusy(true)
    setError(null)
    try {
      const updated = await changeClaimPayee(claim.id, selected)
      setChoosing(false)
      setSelected(null)
      void Taro.showToast({ title: payeeUi.changed, icon: 'success' })
      onChange(updated)
    } catch (e) {
      setError(errorMessage(e))
    } finally {
      setBusy(false)
    }
  }

  return (
    <View id='claim-payee' className='card'>
      <Text className='card__title'>{payeeUi.paidTo}</Text>
      {claim.payeeAccount ? (
        <PayeeOption id='claim-payee-account' account={claim.payeeAccount}>
          <Text className='payee-option__bank'>{claim.payeeAccount.holderName}</Text>
        </PayeeOption>
      ) : (
        changeable && <Text id='claim-payee-none' className='field-error'>{payeeUi.notChosen}</Text>
      )}
      {claim.status === 'payment_in_progress' && <Text id='claim-payee-in-progress' className='notice'>{payeeUi.inProgress}</Text>}
      {claim.status === 'paid' && claim.payment?.paidOn && (
        <Text id='claim-payee-paid' className='notice'>{fillTemplate(payeeUi.paidOn, { date: formatDate(claim.payment.paidOn) })}</Text>
      )}
      {needsCorrection && (
        <View id='claim-payment-failed' className='payee-failure'>
          <Text className='payee-failure__title'>{payeeUi.failedTitle}</Text>
          <Text id='claim-payment-failed-reason'>{fillTemplate(payeeUi.failedReason, { reason: failure.reason, date: formatDate(failure.failedOn) })}</Text>
        </View>
      )}
      {failure?.accountChanged && <Text id='claim-payment-corrected' className='notice'>{payeeUi.failedChanged}</Text>}
      {changeable && !choosing && (
        <Button id='claim-payee-change' type={needsCorrection || !claim.payeeAccount ? 'primary' : 'default'} block onClick={() => setChoosing(true)}>
          {payeeUi.change}
        </Button>
      )}
      {choosing && (
        <View className='actions'>
          <PayeeChooser idPrefix='claim-payee-choose' selected={selected} onSelect={setSelected} exclude={claim.payeeAccount?.id} />
          {error && <Text id='claim-payee-error' className='field-error'>{error}</Text>}
          <Button id='claim-payee-confirm' type='primary' block loading={busy} disabled={!selected} onClick={() => void confirm()}>{payeeUi.changeTo}</Button>
          <Button id='claim-payee-cancel' block onClick={() => { setChoosing(false); setError(null) }}>{payeeUi.cancel}</Button>
        </View>
      )}
    </View>
  )
}
