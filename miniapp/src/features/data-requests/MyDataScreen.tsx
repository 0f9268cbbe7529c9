import { useState } from 'react'
import Taro from '@tarojs/taro'
import { Text, View } from '@tarojs/components'
import { Button } from '@nutui/nutui-react-taro'
import { dataRequestUi, fillTemplate, ui, type DataDeletionOutlook, type DataDeletionResult } from '@huzhu/shared'
import { cancelDeletion, downloadMyData, getDeletionOutlook, requestDeletion, type DataExportFormat } from '../../api/data-requests'
import { errorMessage } from '../../api/errors'
import { ErrorState, LoadingState } from '../../components/StateView'
import { routes } from '../../lib/routes'
import { useLoad } from '../../lib/use-api'

function RecordList({ id, title, intro, items }: { id: string; title: string; intro?: string; items: readonly { kind: string; text: string }[] }) {
  return (
    <View id={id} className='card'>
      <Text className='card__title'>{title}</Text>
      {intro && <Text className='hint'>{intro}</Text>}
      {items.map((item) => <Text key={item.kind} className={`${id}__item`} style={{ display: 'block' }}>{`· ${item.text}`}</Text>)}
    </View>
  )
}

function ExportCard() {
  const [busy, setBusy] = useState<DataExportFormat | null>(null)
  const [error, setError] = useState<string | null>(null)
  const download = async (format: DataExportFormat) => {
    setBusy(format)
    setError(null)
    try {
      await downloadMyData(format)
      void Taro.showToast({ title: dataRequestUi.exported, icon: 'success' })
    } catch (e) {
      setError(errorMessage(e))
    } finally {
      setBusy(null)
    }
  }
  return (
    <View id='data-export' className='card'>
      <Text className='card__title'>{dataRequestUi.exportTitle}</Text>
      <Text className='hint'>{dataRequestUi.exportHint}</Text>
      <View className='actions'>
        <Button id='data-export-xlsx' type='primary' block disabled={busy !== null || undefined} onClick={() => void download('xlsx')}>
          {busy === 'xlsx' ? dataRequestUi.exporting : dataRequestUi.exportXlsx}
        </Button>
        {process.env.TARO_ENV === 'h5' && (
          <Button id='data-export-json' block disabled={busy !== null || undefined} onClick={() => void download('json')}>
            {busy === 'json' ? dataRequestUi.exporting : dataRequestUi.exportJson}
          </Button>
        )}
      </View>
      {error && <Text id='data-export-error' className='field-error'>{error}</Text>}
    </View>
  )
}

/** What a request does now: at once, on the day after cover ends, or why not (the server's reason). */
function nowText(outlook: DataDeletionOutlook): string {
  if (outlook.now === 'at_once') return dataRequestUi.nowAtOnce
  if (outlook.now === 'at_cover_end') return fillTemplate(dataRequestUi.nowAtCoverEnd, { end: outlook.coverEndsOn ?? '', date: outlook.effectiveOn ?? '' })
  return outlook.refusal?.message ?? ''
}

function DeletionCard({ outlook, onChanged, onDone }: { outlook: DataDeletionOutlook; onChanged: () => void; onDone: (result: DataDeletionResult) => void }) {
  const [busy, setBusy] = useState(false)
  const [error, setError] = useState<string | null>(null)
  const run = async (action: () => Promise<void>) => {
    setBusy(true)
    setError(null)
    try {
      await action()
    } catch (e) {
      setError(errorMessage(e))
    } finally {
      setBusy(false)
    }
  }
  const ask = () => run(async () => {
    const answer = await Taro.showModal({ title: dataRequestUi.confirmTitle, content: dataRequestUi.confirmText, confirmText: ui.common.confirm, cancelText: ui.common.cancel })
    if (!answer.confirm) return
    const result = await requestDeletion()
    if (result.status === 'done') onDone(result)
    else onChanged()
  })
  const cancel = () => run(async () => {
    await cancelDeletion()
    void Taro.showToast({ title: dataRequestUi.cancelled, icon: 'success' })
    onChanged()
  })
  return (
    <View id='data-deletion' className='card'>
      <Text className='card__title'>{dataRequestUi.deletionTitle}</Text>
      <Text className='hint'>{dataRequestUi.deletionIntro}</Text>
      {outlook.scheduled ? (
        <View id='data-deletion-scheduled' className='actions'>
          <Text className='notice'>{`${dataRequestUi.scheduledTitle}：${fillTemplate(dataRequestUi.scheduledOn, { date: outlook.scheduled.effectiveOn })}`}</Text>
          <Text id='data-deletion-reason' className='hint'>{outlook.scheduled.reason}</Text>
          <Button id='data-deletion-cancel' block disabled={busy || undefined} onClick={() => void cancel()}>{dataRequestUi.cancelScheduled}</Button>
        </View>
      ) : (
        <View className='actions'>
          <Text id='data-deletion-now' className={outlook.now === 'refused' ? 'field-error' : 'notice'}>{nowText(outlook)}</Text>
          <Button id='data-deletion-request' type='danger' block disabled={busy || outlook.now === 'refused' || undefined} onClick={() => void ask()}>
            {busy ? dataRequestUi.deleting : dataRequestUi.requestDeletion}
          </Button>
        </View>
      )}
      {error && <Text id='data-deletion-error' className='field-error'>{error}</Text>}
    </View>
  )
}

function DoneView({ result }: { result: DataDeletionResult }) {
  return (
    <View id='data-deletion-done' className='actions'>
      <View className='card'>
        <Text className='card__title'>{dataRequestUi.doneTitle}</Text>
        <Text className='hint'>{dataRequestUi.doneText}</Text>
      </View>
      <RecordList id='data-kept' title={dataRequestUi.keptTitle} intro={dataRequestUi.keptIntro} items={result.kept} />
      <Button id='data-deletion-home' type='primary' block onClick={() => void Taro.reLaunch({ url: routes.home })}>{dataRequestUi.backHome}</Button>
    </View>
  )
}

/**
 * 我的数据: download everything held about me (the workbook; in a phone browser
 * also JSON); ask for deletion: done at once, scheduled for the day after my
 * cover ends (cancellable), or refused with the server's reason; and what
 * deletion erases and what the law makes the office keep, with why.
 */
export function MyDataScreen() {
  const [done, setDone] = useState<DataDeletionResult | null>(null)
  const state = useLoad(getDeletionOutlook, [])
  if (done) return <DoneView result={done} />
  if (state.status === 'loading') return <LoadingState id='data-loading' />
  if (state.status === 'error') return <ErrorState id='data-error' message={state.message} onRetry={state.retry} />
  const outlook = state.value
  return (
    <View id='data-page' className='actions'>
      <Text className='hint'>{dataRequestUi.intro}</Text>
      <ExportCard />
      <DeletionCard outlook={outlook} onChanged={state.retry} onDone={setDone} />
      <RecordList id='data-erased' title={dataRequestUi.erasedTitle} items={outlook.erased} />
      <RecordList id='data-kept' title={dataRequestUi.keptTitle} intro={dataRequestUi.keptIntro} items={outlook.kept} />
    </View>
  )
}

