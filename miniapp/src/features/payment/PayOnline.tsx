import { useEffect, useRef, useState } from 'react'
import Taro from '@tarojs/taro'
import { Text, View } from '@tarojs/components'
import { Button } from '@nutui/nutui-react-taro'
import { fillTemplate, formatYuan, owedFen, ui, type Enrolment, type PaymentOrder } from '@huzhu/shared'
import { errorMessage } from '../../api/errors'
import { createPaymentOrder } from '../../api/member'
import { routes } from '../../lib/routes'
import { PaymentQr } from './PaymentQr'
import { waitForOrder } from './wait-for-order'

type PayState =
  | { kind: 'idle' }
  | { kind: 'starting' }
  | { kind: 'qr'; order: PaymentOrder }
  | { kind: 'waiting'; orderId: string }
  | { kind: 'paid' }
  | { kind: 'note'; message: string }

/** How this device pays: the mini-program's own cashier, a phone browser's H5 cashier, or a QR code to scan from a desk. */
export function payChannelHere(): PaymentOrder['channel'] {
  if (process.env.TARO_ENV === 'weapp') return 'jsapi'
  return Taro.getWindowInfo().windowWidth < 768 ? 'h5' : 'native'
}

const POLL_MS = 3_000
const POLL_TRIES = 100

/**
 * 微信支付 for an enrolment the member pays: the server makes the order at the
 * engine's premium; the app only says how it pays. In the mini-program
 * `wx.requestPayment` with the server's signed parameters; in a phone browser
 * WeChat Pay's H5 cashier, which returns to the card page with `?order=`; at a desk a QR
 * code any phone scans. Afterwards the app asks the server (which asks WeChat
 * Pay) until the order is paid, then `onPaid`.
 */
export function PayOnline({ enrolment, onPaid }: { enrolment: Enrolment; onPaid: () => void }) {
  const [state, setState] = useState<PayState>({ kind: 'idle' })
  const alive = useRef(true)
  useEffect(() => () => void (alive.current = false), [])

  const waitFor = async (orderId: string, tries = POLL_TRIES) => {
    const outcome = await waitForOrder(orderId, { tries, intervalMs: POLL_MS, alive: () => alive.current })
    if (outcome === 'paid') {
      setState({ kind: 'paid' })
      onPaid()
    } else if (outcome === 'closed') setState({ kind: 'note', message: ui.payment.expired })
    else if (outcome === 'open') setState({ kind: 'note', message: ui.payment.stillOpen })
  }

  // Back from the H5 cashier: the order id is in the page's query.
  const returned = Taro.getCurrentInstance().router?.params?.order
  useEffect(() => {
    if (!returned) return
    setState({ kind: 'waiting', orderId: returned })
    waitFor(returned, 5).catch((e: unknown) => setState({ kind: 'note', message: errorMessage(e) }))
    // eslint-disable-next-line react-hooks/exhaustive-deps -- once per return
  }, [returned])

  const pay = async () => {
    setState({ kind: 'starting' })
    try {
      const channel = payChannelHere()
      const order = await createPaymentOrder(enrolment.id, channel === 'h5' ? { channel, returnPath: routes.card(enrolment.id) } : { channel })
      if (channel === 'h5' && order.h5Url) {
        window.location.href = order.h5Url
        return
      }
      if (channel === 'native' && order.codeUrl) {
        setState({ kind: 'qr', order })
        await waitFor(order.id)
        return
      }
      if (channel === 'jsapi' && order.jsapi) {
        const { timeStamp, nonceStr, package: pkg, signType, paySign } = order.jsapi
        try {
          await Taro.requestPayment({ timeStamp, nonceStr, package: pkg, signType, paySign })
        } catch (e) {
          const cancelled = /cancel/i.test((e as { errMsg?: string }).errMsg ?? '')
          setState({ kind: 'note', message: cancelled ? ui.payment.cancelled : errorMessage(e) })
          return
        }
        setState({ kind: 'waiting', orderId: order.id })
        await waitFor(order.id)
        return
      }
      setState({ kind: 'note', message: ui.payment.stillOpen })
    } catch (e) {
      setState({ kind: 'note', message: errorMessage(e) })
    }
  }

  return (
    <View id='pay-online' className='pay-online'>
      {state.kind === 'qr' ? (
        <PaymentQr codeUrl={state.order.codeUrl!} amountFen={state.order.amountFen} />
      ) : state.kind === 'paid' ? (
        <Text id='pay-online-paid' className='notice'>{ui.payment.paid}</Text>
      ) : (
        <>
          <Button
            id='pay-online-button' type='primary' block loading={state.kind === 'starting' || state.kind === 'waiting'}
            disabled={state.kind === 'starting' || state.kind === 'waiting'} onClick={() => void pay()}
          >
            {fillTemplate(ui.payment.payOnline, { amount: formatYuan(owedFen(enrolment.shares, 'member') || enrolment.premiumFen) })}
          </Button>
          <Text className='hint'>{state.kind === 'waiting' ? ui.payment.waitingForPayment : ui.payment.payOnlineHint}</Text>
        </>
      )}
      {state.kind === 'note' && <Text id='pay-online-note' className='notice'>{state.message}</Text>}
    </View>
  )
}
