import { useEffect, useState } from 'react'
import { Input, Text, View } from '@tarojs/components'
import { Button } from '@nutui/nutui-react-taro'
import {
  describeIssues,
  occupationLabels,
  occupations,
  profileRequestSchema,
  ui,
  type Occupation,
  type ProfileRequest,
  type ProfileResponse,
} from '@huzhu/shared'
import { errorMessage } from '../../api/errors'
import { putMyProfile } from '../../api/member'
import { idFieldError } from '../../lib/id-field'
import { useToday } from '../../lib/today'
import { provenPhone } from '../login/proven-phone'
import { forgetRealNameDraft, keepRealNameDraft, keptRealNameDraft } from './kept-draft'
import './profile.scss'

type Errors = Partial<Record<keyof ProfileRequest, string>>

export interface RealNameDraft {
  name: string
  idNumber: string
  mobile: string
  occupation: Occupation | null
  platform: string
  basicMedicalInsurance: boolean | null
  unionMember: boolean | null
}

export const emptyDraft: RealNameDraft = {
  name: '', idNumber: '', mobile: '', occupation: null, platform: '', basicMedicalInsurance: null, unionMember: null,
}

function YesNo({ id, value, onChange }: { id: string; value: boolean | null; onChange: (value: boolean) => void }) {
  return (
    <View id={id} className='choice-row'>
      <View id={`${id}-yes`} className={`choice${value === true ? ' is-active' : ''}`} onClick={() => onChange(true)}>
        {ui.profile.yes}
      </View>
      <View id={`${id}-no`} className={`choice${value === false ? ' is-active' : ''}`} onClick={() => onChange(false)}>
        {ui.profile.no}
      </View>
    </View>
  )
}

function Field({ id, label, error, children }: { id: string; label: string; error: string | undefined; children: React.ReactNode }) {
  return (
    <View id={`field-${id}`} className={`field${error ? ' has-error' : ''}`}>
      <Text className='field__label'>{label}</Text>
      {children}
      {error && <Text id={`${id}-error`} className='field-error'>{error}</Text>}
    </View>
  )
}

/**
 * Where the form starts: what the rider typed before stepping away, else the
 * saved profile, else empty with the phone they proved at log-in.
 */
function startingDraft(initial: RealNameDraft | undefined): RealNameDraft {
  const kept = keptRealNameDraft()
  if (kept) return kept
  if (initial) return initial
  const phone = provenPhone()
  return phone ? { ...emptyDraft, mobile: phone } : emptyDraft
}

/**
 * The real-name form (实名信息): every field checked by the shared schemas; the
 * ID number as it is typed, so a wrong check character is refused at the field.
 * What is typed survives going back and coming again (kept-draft.ts).
 */
export function RealNameForm({ initial, onSaved }: { initial?: RealNameDraft; onSaved: (profile: ProfileResponse) => void }) {
  const today = useToday()
  const [draft, setDraft] = useState<RealNameDraft>(() => startingDraft(initial))
  const [touched, setTouched] = useState(false)
  const proven = provenPhone()
  const [errors, setErrors] = useState<Errors>({})
  const [saving, setSaving] = useState(false)
  const [failure, setFailure] = useState<string | null>(null)

  // Kept in memory as it is typed, so going back to the plan and returning loses nothing.
  useEffect(() => {
    if (touched) keepRealNameDraft(draft)
  }, [draft, touched])

  const set = <K extends keyof RealNameDraft>(key: K, value: RealNameDraft[K]) => {
    setTouched(true)
    setDraft((d) => ({ ...d, [key]: value }))
    setErrors((e) => ({ ...e, [key]: undefined }))
  }
  const onIdInput = (value: string) => {
    setTouched(true)
    setDraft((d) => ({ ...d, idNumber: value }))
    setErrors((e) => ({ ...e, idNumber: idFieldError(value, today) ?? undefined }))
  }

  const save = async () => {
    const parsed = profileRequestSchema.safeParse({
      ...draft,
      occupation: draft.occupation ?? undefined,
      basicMedicalInsurance: draft.basicMedicalInsurance ?? undefined,
      unionMember: draft.unionMember ?? undefined,
    })
    if (!parsed.success) {
      const next: Errors = {}
      for (const problem of describeIssues(parsed.error)) {
        const key = problem.path as keyof ProfileRequest
        next[key] ??= problem.message
      }
      setErrors(next)
      setFailure(ui.profile.fixFirst)
      return
    }
    setSaving(true)
    setFailure(null)
    try {
      const saved = await putMyProfile({
        ...parsed.data,
        idNumber: parsed.data.idNumber.value,
      })
      forgetRealNameDraft()
      onSaved(saved)
    } catch (e) {
      setFailure(errorMessage(e))
    } finally {
      setSaving(false)
    }
  }

  return (
    <View id='real-name-form' className='card real-name'>
      <Text className='card__title'>{ui.profile.title}</Text>
      <Text className='hint'>{ui.profile.intro}</Text>
      <Field id='profile-name' label={ui.profile.name} error={errors.name}>
        <Input id='profile-name' className='field__input' value={draft.name} maxlength={30} placeholder={ui.profile.namePlaceholder} onInput={(e) => set('name', e.detail.value)} />
      </Field>
      <Field id='profile-id' label={ui.profile.idNumber} error={errors.idNumber}>
        <Input id='profile-id' className='field__input' type='idcard' value={draft.idNumber} maxlength={18} placeholder={ui.profile.idPlaceholder} onInput={(e) => onIdInput(e.detail.value)} />
      </Field>
      <Field id='profile-mobile' label={ui.profile.mobile} error={errors.mobile}>
        <Input id='profile-mobile' className='field__input' type='number' value={draft.mobile} maxlength={13} onInput={(e) => set('mobile', e.detail.value)} />
        {proven !== null && draft.mobile === proven && <Text id='profile-mobile-proven' className='hint'>{ui.profile.mobileFromLogin}</Text>}
      </Field>
      <Field id='profile-occupation' label={ui.profile.occupation} error={errors.occupation}>
        <View className='choice-row'>
          {occupations.map((o) => (
            <View key={o} id={`profile-occupation-${o}`} className={`choice${draft.occupation === o ? ' is-active' : ''}`} onClick={() => set('occupation', o)}>
              {occupationLabels[o]}
            </View>
          ))}
        </View>
      </Field>
      <Field id='profile-platform' label={ui.profile.platform} error={errors.platform}>
        <Input id='profile-platform' className='field__input' value={draft.platform} maxlength={60} placeholder={ui.profile.platformPlaceholder} onInput={(e) => set('platform', e.detail.value)} />
      </Field>
      <Field id='profile-insurance' label={ui.profile.medicalInsurance} error={errors.basicMedicalInsurance}>
        <YesNo id='profile-insurance' value={draft.basicMedicalInsurance} onChange={(v) => set('basicMedicalInsurance', v)} />
      </Field>
      <Field id='profile-union' label={ui.profile.unionMember} error={errors.unionMember}>
        <YesNo id='profile-union' value={draft.unionMember} onChange={(v) => set('unionMember', v)} />
      </Field>
      {failure && <Text id='profile-failure' className='field-error'>{failure}</Text>}
      <Button id='profile-save' type='primary' block loading={saving} onClick={() => void save()}>
        {saving ? ui.profile.saving : ui.profile.save}
      </Button>
    </View>
  )
}
