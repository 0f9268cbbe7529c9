import { Text, View } from '@tarojs/components'
import { fillTemplate, staffUi, type CertificateCheckResponse, type CertificatePayload } from '@huzhu/shared'
import { formatDate } from '../../lib/format'
import { InfoLine } from './InfoLine'

export type OfflineVerdict =
  | { kind: 'valid' | 'not_started' | 'expired'; payload: CertificatePayload }
  | { kind: 'invalid' }

export type OnlineCheck =
  | { status: 'checking' }
  | { status: 'done'; response: CertificateCheckResponse }
  | { status: 'failed'; reason: string }

function OnlineLine({ online }: { online: OnlineCheck }) {
  if (online.status === 'checking') return <Text id='check-online' className='staff-muted' data-online='checking'>{staffUi.check.onlineChecking}</Text>
  if (online.status === 'failed') {
    return (
      <Text id='check-online' className='verdict__online verdict__online--failed' data-online='failed'>
        {fillTemplate(staffUi.check.onlineFailed, { reason: online.reason })}
      </Text>
    )
  }
  const { verdict, message } = online.response
  const text = verdict === 'cancelled' ? staffUi.check.onlineCancelled : fillTemplate(staffUi.check.onlineOk, { message })
  return (
    <Text id='check-online' className={`verdict__online verdict__online--${verdict}`} data-online={verdict}>
      {text}
    </Text>
  )
}

/**
 * The card-check answer: the offline verdict first (signature and dates), then
 * the online one (cancelled?) or a plain note that it could not be made.
 * `data-verdict-ms` is the time from scan to this verdict on screen.
 */
export function CertificateVerdict({ verdict, online, elapsedMs }: { verdict: OfflineVerdict; online: OnlineCheck | null; elapsedMs: number | null }) {
  const cancelled = online?.status === 'done' && online.response.verdict === 'cancelled'
  const shown = cancelled ? 'cancelled' : verdict.kind
  const msText = elapsedMs === null ? '' : String(Math.round(elapsedMs))
  const names = online?.status === 'done' ? online.response.enrolment : null
  return (
    <View id='check-verdict' className={`staff-card verdict verdict--${shown}`} data-verdict={shown} data-verdict-ms={msText}>
      <Text id='check-verdict-title' className='verdict__title'>{staffUi.check.verdict[shown]}</Text>
      {verdict.kind === 'invalid' ? (
        <Text className='verdict__detail'>{staffUi.check.invalidDetail}</Text>
      ) : (
        <View className='verdict__lines'>
          <InfoLine label={staffUi.check.name} value={verdict.payload.n} id='check-name' />
          <InfoLine label={staffUi.check.idNumber} value={verdict.payload.i} id='check-id' />
          <InfoLine label={staffUi.check.catalogue} value={names?.catalogueName ?? verdict.payload.c} />
          <InfoLine
            label={staffUi.check.products}
            value={names ? names.products.map((p) => `${p.code} ${p.name}`).join('、') : verdict.payload.p.join('、')}
            id='check-products'
          />
          <InfoLine
            label={staffUi.check.period}
            value={fillTemplate(staffUi.check.periodRange, { start: formatDate(verdict.payload.s), end: formatDate(verdict.payload.u) })}
            id='check-period'
          />
        </View>
      )}
      {verdict.kind !== 'invalid' && <Text className='staff-muted'>{staffUi.check.offlineNote}</Text>}
      {online && verdict.kind !== 'invalid' && <OnlineLine online={online} />}
      {msText !== '' && <Text id='check-elapsed' className='verdict__elapsed'>{fillTemplate(staffUi.check.elapsed, { ms: msText })}</Text>}
    </View>
  )
}
