import { useEffect, useState } from 'react'
import Taro from '@tarojs/taro'
import { Button, Text, View } from '@tarojs/components'
import { fillTemplate, hardshipUi, ui, type HardshipWorker } from '@huzhu/shared'
import { errorMessage } from '../../api/errors'
import { StaffGate } from '../components/StaffGate'
import { chinaTime } from '../lib/format'
import { fetchHardshipWorkers, removeHardshipWorker } from './hardship-api'
import { HardshipForm } from './HardshipForm'
import '../staff.scss'
import './hardship.scss'

const who = (worker: HardshipWorker) => ({ name: worker.nameMasked ?? hardshipUi.noName, idNumber: worker.idNumberMasked })

function WorkerRow({ worker, busy, onUnflag }: { worker: HardshipWorker; busy: boolean; onUnflag: () => void }) {
  return (
    <View id={`hardship-worker-${worker.id}`} className='hardship-row'>
      <View className='hardship-row__who'>
        <Text className='hardship-row__name'>{`${who(worker).name}  ${worker.idNumberMasked}`}</Text>
        <Text className='staff-muted'>{worker.reason}</Text>
        <Text className='staff-muted'>{fillTemplate(hardshipUi.flaggedAt, { at: chinaTime(worker.flaggedAt) })}</Text>
      </View>
      <Button id={`hardship-worker-${worker.id}-unflag`} className='staff-button staff-button--small' disabled={busy || undefined} onClick={onUnflag}>
        {hardshipUi.unflag}
      </Button>
    </View>
  )
}

/**
 * Hardship workers (困难职工): the people flagged now (name and ID number masked,
 * newest first, a page at a time), a form to flag one, and unflagging after a
 * confirm. The union pays the member's share of their enrolments from then on.
 */
function HardshipDesk() {
  const [workers, setWorkers] = useState<HardshipWorker[]>([])
  const [next, setNext] = useState<string | null>(null)
  const [loaded, setLoaded] = useState(false)
  const [listError, setListError] = useState<string | null>(null)
  const [notice, setNotice] = useState<string | null>(null)
  const [busyId, setBusyId] = useState<string | null>(null)

  const load = async (before?: string) => {
    setListError(null)
    try {
      const page = await fetchHardshipWorkers(before)
      setWorkers((shown) => (before === undefined ? page.workers : [...shown, ...page.workers]))
      setNext(page.nextBefore)
    } catch (failure) {
      setListError(errorMessage(failure))
    } finally {
      setLoaded(true)
    }
  }
  useEffect(() => {
    void load()
  }, [])

  const onFlagged = (worker: HardshipWorker) => {
    setNotice(fillTemplate(hardshipUi.flagged, who(worker)))
    void load()
  }

  const unflag = async (worker: HardshipWorker) => {
    const answer = await Taro.showModal({
      title: hardshipUi.unflagTitle, content: fillTemplate(hardshipUi.unflagConfirm, who(worker)), confirmText: hardshipUi.unflag, cancelText: ui.common.cancel,
    })
    if (!answer.confirm) return
    setBusyId(worker.id)
    setNotice(null)
    setListError(null)
    try {
      await removeHardshipWorker(worker.id)
      setWorkers((shown) => shown.filter((w) => w.id !== worker.id))
      setNotice(fillTemplate(hardshipUi.unflagged, who(worker)))
    } catch (failure) {
      setListError(errorMessage(failure))
    } finally {
      setBusyId(null)
    }
  }

  return (
    <View id='hardship-desk' className='staff-wrap hardship-desk'>
      {notice && <Text id='hardship-notice' className='hardship-notice'>{notice}</Text>}
      <View className='staff-columns'>
        <HardshipForm onFlagged={onFlagged} />
        <View id='hardship-list' className='staff-card'>
          <Text className='staff-card__title'>{hardshipUi.listTitle}</Text>
          {listError && <Text id='hardship-list-error' className='staff-error-text'>{listError}</Text>}
          {loaded && !listError && workers.length === 0 && <Text id='hardship-empty' className='staff-muted'>{hardshipUi.empty}</Text>}
          {workers.map((worker) => (
            <WorkerRow key={worker.id} worker={worker} busy={busyId !== null} onUnflag={() => void unflag(worker)} />
          ))}
          {next && (
            <Button id='hardship-more' className='staff-button staff-button--small' onClick={() => void load(next)}>{hardshipUi.more}</Button>
          )}
        </View>
      </View>
    </View>
  )
}

export default function HardshipPage() {
  return (
    <View className='staff-page'>
      <StaffGate page='hardship'>{() => <HardshipDesk />}</StaffGate>
    </View>
  )
}
