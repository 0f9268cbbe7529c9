import { Screen } from '../../components/Screen'
import { ClaimList } from '../../features/claims/ClaimList'
import { useSignedIn } from '../../lib/auth'

export default function ClaimListPage() {
  const signedIn = useSignedIn()
  return <Screen className='screen'>{signedIn && <ClaimList />}</Screen>
}
