import { useState } from 'react'
import Taro from '@tarojs/taro'
import { Text, View } from '@tarojs/components'
import { Button } from '@nutui/nutui-react-taro'
import { addDays, fillTemplate, formatYuan, renewalUi, type Enrolment } from '@huzhu/shared'
import { errorMessage } from '../../api/errors'
import { renewEnrolment } from '../../api/member'
import { formatDate } from '../../lib/format'
import { routes } from '../../lib/routes'
import './renewal.scss'

/**
 * 续保 on an active cover while its renewal window is open (the server says so
 * in `enrolment.renewal`): the new period and premium, and one tap that makes
 * the pending renewal and opens it to pay (the card page's pending-payment step,
 * `features/payment`). Renewed already: where to find it. Nothing otherwise.
 */
export function RenewalOffer({ enrolment }: { enrolment: Enrolment }) {
  const [busy, setBusy] = useState(false)
  const [error, setError] = useState<string | null>(null)
  const renewal = enrolment.renewal
  if (!renewal) return null
  const id = `renewal-${enrolment.id}`
  const open = (renewalId: string) => void Taro.navigateTo({ url: routes.card(renewalId) })

  if (renewal.renewalId !== null) {
    return (
      <View id={id} className='card renewal-offer'>
        <Text id={`${id}-done`} className='notice'>
          {fillTemplate(renewalUi.member.renewed, { start: formatDate(renewal.offer?.start ?? addDays(renewal.closesOn, 1)) })}
        </Text>
        <Button id={`${id}-open`} block onClick={() => open(renewal.renewalId!)}>{renewalUi.member.viewRenewal}</Button>
      </View>
    )
  }
  if (!renewal.offer) {
    return (
      <View id={id} className='card renewal-offer'>
        <Text id={`${id}-unavailable`} className='hint'>{fillTemplate(renewalUi.member.unavailable, { reason: renewal.unavailable ?? '' })}</Text>
      </View>
    )
  }
  const offer = renewal.offer
  const renew = async () => {
    setBusy(true)
    setError(null)
    try {
      const made = await renewEnrolment(enrolment.id, offer.premiumFen)
      open(made.id)
    } catch (e) {
      setError(errorMessage(e))
    } finally {
      setBusy(false)
    }
  }
  return (
    <View id={id} className='card renewal-offer'>
      <Text className='card__title'>{renewalUi.member.title}</Text>
      <Text id={`${id}-period`} className='renewal-offer__period'>
        {fillTemplate(renewalUi.member.offer, { end: formatDate(enrolment.end), start: formatDate(offer.start), newEnd: formatDate(offer.end) })}
      </Text>
      {offer.catalogueId !== enrolment.catalogueId && (
        <Text id={`${id}-catalogue`} className='hint'>{fillTemplate(renewalUi.member.intoCatalogue, { catalogue: offer.catalogueName })}</Text>
      )}
      <Text id={`${id}-premium`} className='renewal-offer__premium'>{fillTemplate(renewalUi.member.premium, { amount: formatYuan(offer.premiumFen) })}</Text>
      {error && <Text id={`${id}-error`} className='field-error'>{error}</Text>}
      <Button id={`${id}-button`} type='primary' block loading={busy} disabled={busy} onClick={() => void renew()}>
        {busy ? renewalUi.member.busy : renewalUi.member.button}
      </Button>
    </View>
  )
}
