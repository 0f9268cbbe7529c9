import { Screen } from '../../components/Screen'
import { MessagesScreen } from '../../features/messages/MessagesScreen'
import { useSignedIn } from '../../lib/auth'

export default function MessagesPage() {
  const signedIn = useSignedIn()
  return <Screen className='screen'>{signedIn && <MessagesScreen />}</Screen>
}
