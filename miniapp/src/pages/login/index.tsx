import { useRouter } from '@tarojs/taro'
import { Screen } from '../../components/Screen'
import { LoginScreen } from '../../features/login/LoginScreen'

export default function LoginPage() {
  const { redirect } = useRouter().params
  return (
    <Screen>
      <LoginScreen redirect={redirect ? decodeURIComponent(redirect) : undefined} />
    </Screen>
  )
}
