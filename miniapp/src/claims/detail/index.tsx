import { useRouter } from '@tarojs/taro'
import { ui } from '@huzhu/shared'
import { Screen } from '../../components/Screen'
import { EmptyState } from '../../components/StateView'
import { ClaimDetailScreen } from '../../features/claims/ClaimDetail'
import { useSignedIn } from '../../lib/auth'

export default function ClaimDetailPage() {
  const signedIn = useSignedIn()
  const { id } = useRouter().params
  if (!signedIn) return <Screen className='screen'>{null}</Screen>
  return (
    <Screen className='screen'>
      {id ? <ClaimDetailScreen claimId={decodeURIComponent(id)} /> : <EmptyState id='claim-detail-empty' message={ui.claim.empty} />}
    </Screen>
  )
}
