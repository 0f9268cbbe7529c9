import { useEffect, useRef, useState } from 'react'
import { Text, View } from '@tarojs/components'
import { Button } from '@nutui/nutui-react-taro'
import { fillTemplate, formatYuan, staffUi, ui, type PaymentOrder } from '@huzhu/shared'
import { errorMessage } from '../../api/errors'
import { getClientConfig } from '../../api/member'
import { PaymentQr } from '../../features/payment/PaymentQr'
import { waitForOrder } from '../../features/payment/wait-for-order'
import { useLoad } from '../../lib/use-api'
import { createUnitPaymentOrder, type UnitView } from '../lib/staff-api'

/**
 * A unit admin (or staff) pays the unit's pending premiums in the standing
 * selection's catalogue by one WeChat Pay QR code, shown on this screen for any
 * phone to scan; once paid every pending row is active and `onPaid` reloads.
 */
export function UnitPayOnline({ unit, onPaid }: { unit: UnitView; onPaid: () => void }) {
  const config = useLoad(getClientConfig, [])
  const [order, setOrder] = useState<PaymentOrder | null>(null)
  const [note, setNote] = useState<string | null>(null)
  const [busy, setBusy] = useState(false)
  const alive = useRef(true)
  useEffect(() => () => void (alive.current = false), [])
  const due = unit.counts?.premiumDueFen ?? 0
  if (config.status !== 'ready' || !config.value?.onlinePayment || !unit.catalogueId) return null
  // Nothing due: only what just happened (paid) stays on screen.
  if (due <= 0 && !order) return note ? <Text id='unit-pay-online-note' className='notice'>{note}</Text> : null

  const start = async () => {
    setBusy(true)
    setNote(null)
    try {
      const made = await createUnitPaymentOrder(unit.id, unit.catalogueId!)
      setOrder(made)
      const outcome = await waitForOrder(made.id, { tries: 200, intervalMs: 3_000, alive: () => alive.current })
      if (outcome === 'paid') {
        setOrder(null)
        setNote(staffUi.unit.paidByQr)
        onPaid()
      } else if (outcome !== 'gone') {
        setOrder(null)
        setNote(outcome === 'closed' ? ui.payment.expired : ui.payment.stillOpen)
      }
    } catch (e) {
      setNote(errorMessage(e))
    } finally {
      setBusy(false)
    }
  }

  return (
    <View id='unit-pay-online' className='pay-online'>
      {order?.codeUrl ? (
        <PaymentQr codeUrl={order.codeUrl} amountFen={order.amountFen} />
      ) : (
        <>
          <Button id='unit-pay-online-button' type='primary' block loading={busy} disabled={busy} onClick={() => void start()}>
            {fillTemplate(staffUi.unit.payByQr, { amount: formatYuan(due) })}
          </Button>
          <Text className='staff-muted'>{staffUi.unit.payByQrHint}</Text>
        </>
      )}
      {note && <Text id='unit-pay-online-note' className='notice'>{note}</Text>}
    </View>
  )
}
