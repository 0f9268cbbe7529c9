import { Screen } from '../../components/Screen'
import { PayeeAccountsScreen } from '../../features/claims/PayeeAccountsScreen'
import { useSignedIn } from '../../lib/auth'

/** 收款账户: where the member's claims are paid. */
export default function PayeeAccountsPage() {
  const signedIn = useSignedIn()
  return <Screen className='screen'>{signedIn && <PayeeAccountsScreen />}</Screen>
}
