import { useRouter } from '@tarojs/taro'
import { Screen } from '../../components/Screen'
import { CardScreen } from '../../features/card/CardScreen'
import { useSignedIn } from '../../lib/auth'

export default function CardPage() {
  const signedIn = useSignedIn()
  const { enrolment } = useRouter().params
  return <Screen className='screen'>{signedIn && <CardScreen enrolmentId={enrolment ? decodeURIComponent(enrolment) : undefined} />}</Screen>
}
