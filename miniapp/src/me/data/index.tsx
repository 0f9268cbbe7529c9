import { Screen } from '../../components/Screen'
import { MyDataScreen } from '../../features/data-requests/MyDataScreen'
import { useSignedIn } from '../../lib/auth'

/** 我的数据: download everything held about me; ask for its deletion and see what is kept and why. */
export default function MyDataPage() {
  const signedIn = useSignedIn()
  return <Screen className='screen'>{signedIn && <MyDataScreen />}</Screen>
}
