import { useState } from 'react'
import Taro from '@tarojs/taro'
import { Text, View } from '@tarojs/components'
import { Button } from '@nutui/nutui-react-taro'
import { ui, type Notification } from '@huzhu/shared'
import { errorMessage } from '../../api/errors'
import { getClientConfig, listNotifications, markNotificationsRead } from '../../api/member'
import { EmptyState, ErrorState, LoadingState } from '../../components/StateView'
import { formatInstantDate } from '../../lib/format'
import { routes } from '../../lib/routes'
import { useLoad, useRevalidate } from '../../lib/use-api'
import './messages.scss'

const isWeapp = process.env.TARO_ENV === 'weapp'

function subjectUrl(n: Notification): string {
  if (n.subject.type === 'claim') return routes.claimDetail(n.subject.id)
  return n.subject.type === 'unit' ? routes.staffUnit(n.subject.id) : routes.card(n.subject.id)
}

/** WeChat subscribe messages: asked for only on the member's tap, as WeChat requires, and only when the server has templates. */
function SubscribeButton() {
  const config = useLoad(getClientConfig, [])
  const [done, setDone] = useState(false)
  if (!isWeapp || config.status !== 'ready' || !config.value || config.value.wechatSubscribeTemplateIds.length === 0) return null
  const tmplIds = config.value.wechatSubscribeTemplateIds.slice(0, 3)
  const ask = () => {
    Taro.requestSubscribeMessage({ tmplIds, entityIds: [] })
      .then(() => setDone(true))
      .catch(() => undefined)
  }
  return done ? (
    <Text id='messages-subscribed' className='notice'>{ui.messages.subscribed}</Text>
  ) : (
    <Button id='messages-subscribe' block onClick={ask}>{ui.messages.subscribe}</Button>
  )
}

/** 消息: every enrolment and claim status change, newest first; opening one marks it read. */
export function MessagesScreen() {
  const [readIds, setReadIds] = useState<ReadonlySet<string>>(new Set())
  const [allRead, setAllRead] = useState(false)
  const [error, setError] = useState<string | null>(null)
  const state = useLoad(listNotifications, [])
  // Read here, read on the home screen's badge too.
  const revalidate = useRevalidate()

  if (state.status === 'loading') return <LoadingState id='messages-loading' />
  if (state.status === 'error') return <ErrorState id='messages-error' message={state.message} onRetry={state.retry} />
  const { notifications } = state.value
  const isRead = (n: Notification) => allRead || n.readAt !== null || readIds.has(n.id)
  const unread = notifications.filter((n) => !isRead(n))

  const open = (n: Notification) => {
    if (!isRead(n)) {
      setReadIds((ids) => new Set([...ids, n.id]))
      markNotificationsRead([n.id]).then(() => revalidate(listNotifications), () => undefined)
    }
    void Taro.navigateTo({ url: subjectUrl(n) })
  }
  const readAll = async () => {
    setError(null)
    try {
      await markNotificationsRead()
      setAllRead(true)
      void revalidate(listNotifications)
    } catch (e) {
      setError(errorMessage(e))
    }
  }

  return (
    <View id='messages-screen' className='messages'>
      <SubscribeButton />
      {unread.length > 0 && (
        <Button id='messages-read-all' block onClick={() => void readAll()}>{ui.messages.markAllRead}</Button>
      )}
      {error && <Text className='field-error'>{error}</Text>}
      {notifications.length === 0 ? (
        <EmptyState id='messages-empty' message={ui.messages.empty} />
      ) : (
        notifications.map((n) => (
          <View key={n.id} id={`message-${n.id}`} className={`card message${isRead(n) ? '' : ' is-unread'}`} onClick={() => open(n)}>
            <View className='message__head'>
              <Text className='message__title'>{n.title}</Text>
              {!isRead(n) && <Text className='badge'>{ui.messages.unread}</Text>}
            </View>
            <Text className='message__body'>{n.body}</Text>
            <Text className='hint'>{formatInstantDate(n.createdAt)}</Text>
          </View>
        ))
      )}
    </View>
  )
}
