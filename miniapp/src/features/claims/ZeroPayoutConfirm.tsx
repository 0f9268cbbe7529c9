import { Text, View } from '@tarojs/components'
import { Button } from '@nutui/nutui-react-taro'
import { ui, type PayoutEstimateResponse } from '@huzhu/shared'
import './claims.scss'

/**
 * Why the engine's estimate pays nothing: its refusal reasons (not covered on
 * that date, waiting period, kind not covered…), else the reasons of its zero
 * lines; each said once.
 */
export function zeroPayoutReasons(estimate: PayoutEstimateResponse): string[] {
  const refused = estimate.lines.filter((line) => line.refusal !== null)
  const lines = refused.length > 0 ? refused : estimate.lines.filter((line) => line.amountFen === 0)
  return [...new Set(lines.map((line) => line.reason).filter((reason) => reason.trim() !== ''))]
}

/**
 * Before a claim the estimate puts at ¥0 is sent: that it will pay nothing and
 * why, then the rider's choice: send it all the same (a reviewer decides), or
 * go back and change it.
 */
export function ZeroPayoutConfirm({ estimate, busy, onSubmit, onBack }: {
  estimate: PayoutEstimateResponse
  busy: boolean
  onSubmit: () => void
  onBack: () => void
}) {
  const reasons = zeroPayoutReasons(estimate)
  return (
    <View id='claim-zero-confirm' className='card zero-confirm'>
      <Text id='claim-zero-title' className='card__title zero-confirm__title'>{ui.claim.zeroTitle}</Text>
      <Text className='field__label'>{ui.claim.zeroWhy}</Text>
      {reasons.length > 0 ? (
        reasons.map((reason, i) => (
          <Text key={reason} id={`claim-zero-reason-${i}`} className='zero-confirm__reason'>{reason}</Text>
        ))
      ) : (
        <Text id='claim-zero-reason-0' className='zero-confirm__reason'>{ui.claim.zeroNoReason}</Text>
      )}
      <Text className='hint'>{ui.claim.zeroNote}</Text>
      <Button id='claim-zero-submit' type='primary' block loading={busy} onClick={onSubmit}>
        {busy ? ui.claim.submitting : ui.claim.zeroSubmit}
      </Button>
      <Button id='claim-zero-back' block disabled={busy} onClick={onBack}>{ui.claim.zeroBack}</Button>
    </View>
  )
}
