import { Screen } from '../../components/Screen'
import { NewClaimScreen } from '../../features/claims/NewClaimScreen'
import { useSignedIn } from '../../lib/auth'

export default function NewClaimPage() {
  const signedIn = useSignedIn()
  return <Screen className='screen'>{signedIn && <NewClaimScreen />}</Screen>
}
