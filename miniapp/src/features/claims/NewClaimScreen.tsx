import { useMemo } from 'react'
import Taro from '@tarojs/taro'
import { View } from '@tarojs/components'
import { Button } from '@nutui/nutui-react-taro'
import { ui, type Claim } from '@huzhu/shared'
import { getCatalogue } from '../../api/catalogues'
import { listMyClaims, listMyEnrolments } from '../../api/member'
import { EmptyState, ErrorState, LoadingState } from '../../components/StateView'
import { routes } from '../../lib/routes'
import { useLoad, useRevalidate } from '../../lib/use-api'
import { ConsentGate } from '../consent/ConsentGate'
import { ClaimForm } from './ClaimForm'
import { hasContent, newDraft, readDraft } from './draft'
import { platformPhotos, type PhotoService } from './photos'

function Body({ photos, onSubmitted }: { photos: PhotoService; onSubmitted: (claim: Claim) => void }) {
  const state = useLoad(listMyEnrolments, [])
  const stored = useMemo(readDraft, [])
  if (state.status === 'loading') return <LoadingState id='claim-loading' />
  if (state.status === 'error') return <ErrorState id='claim-error' message={state.message} onRetry={state.retry} />
  const enrolments = state.value.filter((e) => e.status === 'active')
  if (enrolments.length === 0) {
    return (
      <View className='card'>
        <EmptyState id='claim-no-enrolment' message={ui.claim.noEnrolment} />
        <Button id='claim-enrol' type='primary' block onClick={() => void Taro.navigateTo({ url: routes.plans })}>{ui.home.enrolNow}</Button>
      </View>
    )
  }
  return <ClaimForm enrolments={enrolments} loadCatalogue={getCatalogue} photos={photos} initial={stored ?? newDraft()} restored={stored !== null && hasContent(stored)} onSubmitted={onSubmitted} />
}

/** 申请理赔: the medical-data consent first, then the form (its draft restored if there is one). */
export function NewClaimScreen({ photos = platformPhotos }: { photos?: PhotoService }) {
  const revalidate = useRevalidate()
  const onSubmitted = (claim: Claim) => {
    // The list of claims (on the page the member goes back to) shows the new one.
    void revalidate(listMyClaims)
    void Taro.showToast({ title: ui.claim.submitted, icon: 'success' })
    void Taro.redirectTo({ url: routes.claimDetail(claim.id) })
  }
  return (
    <ConsentGate kind='medical_data'>
      <Body photos={photos} onSubmitted={onSubmitted} />
    </ConsentGate>
  )
}
