import { useState } from 'react'
import { useRouter } from '@tarojs/taro'
import { Button, Text, View } from '@tarojs/components'
import {
  calendarUi,
  careTypeLabels,
  eventKindLabels,
  fillTemplate,
  formatYuan,
  refusalReasons,
  staffUi,
  type Claim,
  type ClaimDecisionRequest,
  ui,
} from '@huzhu/shared'
import { ApiError, errorMessage } from '../../api/errors'
import { ErrorState, LoadingState } from '../../components/StateView'
import { formatDate } from '../../lib/format'
import { useLoad, useRevalidate } from '../../lib/use-api'
import { DecisionForm } from '../components/DecisionForm'
import { InfoLine } from '../components/InfoLine'
import { StaffGate } from '../components/StaffGate'
import { chinaTime, shortClaimNumber } from '../lib/format'
import { decideClaim, fetchClaim, fetchReviewQueue, startReview } from '../lib/staff-api'
import { param } from '../lib/staff-routes'
import { ClaimPhoto } from './ClaimPhoto'
import { FiguresComparison } from './FiguresComparison'
import '../staff.scss'
import './index.scss'

const has = <T extends object>(record: T, key: string): key is Extract<keyof T, string> => Object.prototype.hasOwnProperty.call(record, key)

/** The rule behind a payout line in words: the benefit kind, or the numbered refusal. */
function ruleLabel(rule: string): string {
  if (has(staffUi.benefitKind, rule)) return staffUi.benefitKind[rule]
  if (has(refusalReasons, rule)) return fillTemplate(staffUi.claim.refusal, { number: refusalReasons[rule].number })
  return rule
}

function partLabel(part: string): string {
  if (has(ui.payoutPart, part)) return ui.payoutPart[part]
  if (has(careTypeLabels, part)) return careTypeLabels[part]
  return part
}

function Payout({ claim }: { claim: Claim }) {
  return (
    <View id='claim-payout' className='staff-card'>
      <Text className='staff-card__title'>{staffUi.claim.payout}</Text>
      {claim.estimate.lines.map((line, index) => (
        <View key={index} id={`payout-line-${index}`} className='payout-line' data-amount-fen={line.amountFen}>
          <View className='staff-row'>
            <Text className='payout-line__name'>{`${line.product} ${line.productName}${line.benefitName ? ` · ${line.benefitName}` : ''}${line.part ? ` · ${partLabel(line.part)}` : ''}`}</Text>
            <Text className='payout-line__amount'>{formatYuan(line.amountFen)}</Text>
          </View>
          <Text className='staff-muted'>{fillTemplate(staffUi.claim.rule, { rule: ruleLabel(line.rule) })}</Text>
          <Text className='staff-muted'>{line.refusal ? `${fillTemplate(staffUi.claim.refusal, { number: line.refusal.number })} ${line.reason}` : line.reason}</Text>
        </View>
      ))}
      <View className='staff-row payout-total'>
        <Text>{staffUi.claim.payoutTotal}</Text>
        <Text id='claim-payout-total' data-amount-fen={claim.estimate.totalFen}>{formatYuan(claim.estimate.totalFen)}</Text>
      </View>
    </View>
  )
}

function Flags({ claim }: { claim: Claim }) {
  return (
    <View id='claim-flags' className='staff-card'>
      <Text className='staff-card__title'>{staffUi.claim.flags}</Text>
      {claim.flags.length === 0 && <Text className='staff-muted'>{staffUi.claim.noFlags}</Text>}
      {claim.flags.map((flag, index) => (
        <View key={index} className='staff-row' data-flag={flag.code}>
          <Text className='staff-tag staff-tag--error'>{staffUi.flag[flag.code]}</Text>
          <Text>{flag.message}</Text>
          {flag.otherClaimId && <Text className='staff-muted'>{fillTemplate(staffUi.claim.otherClaim, { id: flag.otherClaimId })}</Text>}
        </View>
      ))}
    </View>
  )
}

function History({ claim }: { claim: Claim }) {
  return (
    <View id='claim-history' className='staff-card'>
      <Text className='staff-card__title'>{staffUi.claim.history}</Text>
      {claim.history.map((entry, index) => (
        <View key={index} className='history-entry' data-status={entry.status}>
          <Text className='staff-muted'>{`${chinaTime(entry.at)} · ${staffUi.claim.actor[entry.actorRole]}`}</Text>
          <Text>{staffUi.claimStatus[entry.status]}</Text>
          {entry.note && <Text className='staff-muted'>{entry.note}</Text>}
        </View>
      ))}
    </View>
  )
}

const DECIDABLE = new Set(['submitted', 'in_review'])

function ClaimDesk({ claimId }: { claimId: string }) {
  const [notice, setNotice] = useState<string | null>(null)
  const [estimateChanged, setEstimateChanged] = useState<string | null>(null)
  const loaded = useLoad(fetchClaim, [claimId])
  const revalidate = useRevalidate()
  // The claim as the server answered a decision: here, and in the lists that show it (the payments desk's).
  const setClaim = (claim: Claim) => {
    loaded.set(claim)
    void revalidate(fetchReviewQueue)
  }
  if (loaded.status === 'error') return <ErrorState id='claim-error' message={loaded.message} onRetry={loaded.retry} />
  if (loaded.status === 'loading') return <LoadingState id='claim-loading' />
  const shown = loaded.value

  const decide = async (body: ClaimDecisionRequest) => {
    setEstimateChanged(null)
    try {
      setClaim(await decideClaim(claimId, body))
    } catch (failure) {
      // The engine's amount moved since the claim was opened (another claim used up a cap); the server saved the new
      // estimate. Show it, and let the reviewer decide again on what would really be paid.
      if (!(failure instanceof ApiError && failure.code === 'claim_estimate_changed')) throw failure
      const fresh = await fetchClaim(claimId)
      setClaim(fresh)
      setEstimateChanged(fillTemplate(staffUi.claim.estimateChanged, { before: formatYuan(shown.estimate.totalFen), after: formatYuan(fresh.estimate.totalFen) }))
    }
  }
  const take = async () => {
    try {
      setClaim(await startReview(claimId))
    } catch (failure) {
      setNotice(errorMessage(failure))
    }
  }

  return (
    <View id='claim-page' className='staff-wrap' data-status={shown.status}>
      <View className='staff-columns'>
        <View id='claim-summary' className='staff-card'>
          <Text className='staff-card__title'>{`${shown.personName} · ${eventKindLabels[shown.kind]}`}</Text>
          <InfoLine label={staffUi.claim.number} value={shortClaimNumber(shown.id)} id='claim-number' />
          <InfoLine label={staffUi.claim.submittedAt} value={chinaTime(shown.submittedAt)} />
          <InfoLine label={staffUi.claim.eventDate} value={formatDate(shown.eventDate)} />
          <InfoLine label={staffUi.claim.diagnosis} value={shown.diagnosis} />
          {shown.hospital && <InfoLine label={staffUi.claim.hospital} value={shown.hospital} />}
          <InfoLine label={staffUi.claim.products} value={shown.products.map((p) => `${p.code} ${p.name}`).join('、')} />
          <InfoLine label={staffUi.review.status} value={staffUi.claimStatus[shown.status]} id='claim-status' />
          <Text className={shown.overdue ? 'staff-error-text' : 'staff-muted'}>
            {`${fillTemplate(staffUi.review.due, { date: formatDate(shown.dueOn) })}${shown.overdue ? ` · ${staffUi.review.overdue}` : ''}`}
          </Text>
          {shown.dueOnProvisional && <Text id='claim-due-provisional' className='staff-tag'>{calendarUi.provisional}</Text>}
          {shown.decision && (
            <View id='claim-decision' className='staff-field'>
              {shown.decision.approvedFen !== null && (
                <Text className='staff-tag staff-tag--ok'>{fillTemplate(staffUi.claim.approvedAmount, { amount: formatYuan(shown.decision.approvedFen) })}</Text>
              )}
              {shown.decision.refusal && <Text className='staff-tag staff-tag--error'>{`${fillTemplate(staffUi.claim.refusal, { number: shown.decision.refusal.number })} ${shown.decision.refusal.text}`}</Text>}
              {shown.decision.missing.length > 0 && <Text>{shown.decision.missing.map((k) => staffUi.documentKind[k]).join('、')}</Text>}
              {shown.decision.note && <Text className='staff-muted'>{shown.decision.note}</Text>}
            </View>
          )}
          {shown.status === 'submitted' && (
            <Button id='claim-start-review' className='staff-button staff-button--small' onClick={() => void take()}>
              {staffUi.claim.startReview}
            </Button>
          )}
          {notice && <Text className='staff-error-text'>{notice}</Text>}
          {shown.payment && <Text className='staff-tag staff-tag--ok'>{fillTemplate(staffUi.claim.payment, { reference: shown.payment.reference })}</Text>}
        </View>
        <FiguresComparison claim={shown} />
      </View>
      <View id='claim-photos' className='staff-card'>
        <Text className='staff-card__title'>{staffUi.claim.photos}</Text>
        <View className='claim-photos'>
          {shown.documents.map((doc, index) => (
            <ClaimPhoto key={doc.uploadId + index} uploadId={doc.uploadId} kind={doc.kind} mediaType={doc.mediaType} index={index} />
          ))}
        </View>
      </View>
      <View className='staff-columns'>
        <Payout claim={shown} />
        <Flags claim={shown} />
      </View>
      {estimateChanged && <Text id='claim-estimate-changed' className='staff-card staff-error-text'>{estimateChanged}</Text>}
      {DECIDABLE.has(shown.status) && (
        // Keyed by the estimate too: a changed estimate starts the form again from the new amount.
        <DecisionForm key={`${shown.status}-${shown.estimate.totalFen}`} engineFen={shown.estimate.totalFen} onSubmit={decide} />
      )}
      <History claim={shown} />
    </View>
  )
}

/** Reviewer's claim page: material, figures, the engine's payout line by line, flags, the decision, the history. */
export default function ClaimPage() {
  const claimId = param(useRouter().params, 'id')
  return (
    <View className='staff-page'>
      <StaffGate page='review'>{() => (claimId ? <ClaimDesk claimId={claimId} /> : <ErrorState id='claim-error' message={staffUi.common.none} onRetry={() => undefined} />)}</StaffGate>
    </View>
  )
}
