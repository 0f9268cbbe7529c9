import { Text, View } from '@tarojs/components'
import { Button, Skeleton } from '@nutui/nutui-react-taro'
import { ui } from '@huzhu/shared'
import './StateView.scss'

/** Loading: grey placeholder rows, so the screen does not jump when data arrives. */
export function LoadingState({ id }: { id: string }) {
  return (
    <View id={id} className='state state--loading'>
      <Skeleton rows={4} animated />
      <Text className='state__text'>{ui.state.loading}</Text>
    </View>
  )
}

/** A failure in words a member understands, and one big button to try again. */
export function ErrorState({ id, message, onRetry }: { id: string; message: string; onRetry: () => void }) {
  return (
    <View id={id} className='state state--error'>
      <Text className='state__text'>{message}</Text>
      <Button className='state__retry' type='primary' block onClick={onRetry}>
        {ui.state.retry}
      </Button>
    </View>
  )
}

export function EmptyState({ id, message }: { id: string; message: string }) {
  return (
    <View id={id} className='state state--empty'>
      <Text className='state__text'>{message}</Text>
    </View>
  )
}
