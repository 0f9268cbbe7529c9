import { useEffect, useLayoutEffect, useRef, useState } from 'react'
import Taro from '@tarojs/taro'
import { Button, Text, View } from '@tarojs/components'
import { staffUi, verifyCertificate } from '@huzhu/shared'
import { errorMessage } from '../../api/errors'
import { useToday } from '../../lib/today'
import { CertificateVerdict, type OfflineVerdict, type OnlineCheck } from '../components/CertificateVerdict'
import { TextAreaField } from '../components/Field'
import { cachedKeys, refreshKeys, type PublicKeys } from '../lib/certificate-keys'
import { checkCertificateOnline } from '../lib/staff-api'
import { CameraScanner, PhotoPicker } from './H5Scanner'

const now = () => (typeof performance !== 'undefined' ? performance.now() : Date.now())

interface Result {
  verdict: OfflineVerdict
  startedAt: number
  payload: string
}

/**
 * Card check: a scanned (or pasted) member card is verified on this device
 * first, against the saved public keys and today's date, and shown at once;
 * the online check for a cancelled cover follows.
 */
export function CardCheck() {
  const today = useToday()
  const keys = useRef<PublicKeys>(cachedKeys())
  const keysFresh = useRef<Promise<PublicKeys> | null>(null)
  const [result, setResult] = useState<Result | null>(null)
  const [elapsed, setElapsed] = useState<number | null>(null)
  const [online, setOnline] = useState<OnlineCheck | null>(null)
  const [notice, setNotice] = useState<string | null>(null)
  const [pasted, setPasted] = useState('')
  const [camera, setCamera] = useState(false)
  const checkId = useRef(0)

  const loadKeys = (): Promise<PublicKeys> => {
    keysFresh.current ??= refreshKeys().then(
      (fresh) => (keys.current = fresh),
      (error: unknown) => {
        keysFresh.current = null
        throw error
      },
    )
    return keysFresh.current
  }

  // Fresh keys in the background; the saved ones serve until they arrive.
  useEffect(() => {
    loadKeys().catch(() => undefined)
  }, [])

  // The verdict is on screen: the time from scan to verdict.
  useLayoutEffect(() => {
    if (result) setElapsed(now() - result.startedAt)
  }, [result])

  const checkOnline = (payload: string, id: number) => {
    setOnline({ status: 'checking' })
    checkCertificateOnline(payload).then(
      (response) => id === checkId.current && setOnline({ status: 'done', response }),
      (error: unknown) => id === checkId.current && setOnline({ status: 'failed', reason: errorMessage(error) }),
    )
  }

  /** Verifies a payload; `startedAt` is when the scan produced it (or the photo was chosen). */
  const check = async (text: string, startedAt: number) => {
    const id = ++checkId.current
    const payload = text.trim()
    setNotice(null)
    let verified = verifyCertificate(payload, keys.current, today)
    if (!verified.ok) {
      // A key this device has not seen yet (or none saved): fetch the keys once and try again.
      const fresh = await loadKeys().catch(() => null)
      if (fresh) verified = verifyCertificate(payload, fresh, today)
      else if (keys.current.size === 0) setNotice(staffUi.check.keysMissing)
    }
    if (id !== checkId.current) return
    setElapsed(null)
    setOnline(null)
    setResult({ verdict: verified.ok ? { kind: verified.status, payload: verified.payload } : { kind: 'invalid' }, startedAt, payload })
    if (verified.ok) checkOnline(payload, id)
  }

  const scanWeapp = async () => {
    try {
      const scanned = await Taro.scanCode({ onlyFromCamera: false, scanType: ['qrCode'] })
      await check(scanned.result, now())
    } catch {
      setNotice(staffUi.check.scanCancelled)
    }
  }

  return (
    <View id='card-check' className='staff-wrap card-check'>
      <View className='staff-card'>
        <View className='staff-row'>
          {process.env.TARO_ENV === 'weapp' ? (
            <Button id='check-scan' className='staff-button staff-button--primary' onClick={scanWeapp}>
              {staffUi.check.scan}
            </Button>
          ) : (
            <>
              <Button id='check-camera' className='staff-button staff-button--primary' onClick={() => setCamera((on) => !on)}>
                {camera ? staffUi.check.stopCamera : staffUi.check.camera}
              </Button>
              <PhotoPicker onDecoded={(text, startedAt) => void check(text, startedAt)} onNotice={setNotice} />
            </>
          )}
        </View>
        {camera && (
          <CameraScanner
            onDecoded={(text, startedAt) => {
              setCamera(false)
              void check(text, startedAt)
            }}
            onNotice={(text) => {
              setCamera(false)
              setNotice(text)
            }}
          />
        )}
        {notice && <Text id='check-notice' className='staff-error-text'>{notice}</Text>}
      </View>

      {result && <CertificateVerdict verdict={result.verdict} online={online} elapsedMs={elapsed} />}

      <View className='staff-card'>
        <TextAreaField id='check-paste' label={staffUi.check.pasteLabel} value={pasted} onChange={setPasted} maxlength={2000} placeholder={staffUi.check.pastePlaceholder} />
        <Button id='check-paste-submit' className='staff-button' disabled={pasted.trim() === '' || undefined} onClick={() => void check(pasted, now())}>
          {staffUi.check.pasteCheck}
        </Button>
      </View>
    </View>
  )
}
