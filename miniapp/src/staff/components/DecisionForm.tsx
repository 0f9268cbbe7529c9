import { useState } from 'react'
import { Text, View } from '@tarojs/components'
import {
  documentKinds,
  fillTemplate,
  formatFen,
  formatYuan,
  parseYuan,
  refusalCodes,
  refusalReasons,
  staffUi,
  type ClaimDecisionRequest,
  type DocumentKind,
  type RefusalCode,
} from '@huzhu/shared'
import { Chips, ChipsField } from './Chips'
import { useSubmit } from '../lib/use-submit'
import { Field, SubmitRow, TextAreaField, TextField } from './Field'

type Mode = 'approve' | 'request_material' | 'reject'

/** `第2号 事故日期 … 在等待期内…`: the catalogue text with its placeholders shown as "…". */
export function refusalLabel(code: RefusalCode): string {
  const reason = refusalReasons[code]
  return `${fillTemplate(staffUi.claim.refusal, { number: reason.number })} ${reason.text.replace(/\{\w+\}/g, '…')}`
}

/** The plain amount to edit: `620000` → `6200.00`. */
function editableYuan(fen: number): string {
  return formatFen(fen).replace(/,/g, '')
}

/**
 * Checks what the reviewer entered and builds the request: approve with the
 * engine's amount (a changed amount needs a reason), ask for material (which
 * kinds, and what exactly), or refuse with a numbered reason.
 */
export function buildDecision(
  mode: Mode,
  input: { amount: string; note: string; missing: readonly string[]; refusal: string | null },
  engineFen: number,
): { ok: true; body: ClaimDecisionRequest } | { ok: false; error: string } {
  const note = input.note.trim()
  if (mode === 'approve') {
    const fen = parseYuan(input.amount)
    if (fen === null) return { ok: false, error: staffUi.common.amountInvalid }
    if (fen === engineFen) return { ok: true, body: { decision: 'approve', ...(note ? { note } : {}) } }
    if (note === '') return { ok: false, error: staffUi.decision.reasonRequired }
    return { ok: true, body: { decision: 'approve', amountFen: fen, note } }
  }
  if (mode === 'request_material') {
    if (input.missing.length === 0) return { ok: false, error: staffUi.decision.missingRequired }
    if (note === '') return { ok: false, error: staffUi.decision.noteRequired }
    return { ok: true, body: { decision: 'request_material', missing: input.missing as DocumentKind[], note } }
  }
  if (input.refusal === null) return { ok: false, error: staffUi.decision.refusalRequired }
  return { ok: true, body: { decision: 'reject', refusal: input.refusal, ...(note ? { note } : {}) } }
}

/** The decision on a claim; `onSubmit` sends it (a failure it throws is shown on the form). */
export function DecisionForm({ engineFen, onSubmit }: { engineFen: number; onSubmit: (body: ClaimDecisionRequest) => Promise<void> }) {
  const [mode, setMode] = useState<Mode>('approve')
  const [amount, setAmount] = useState(editableYuan(engineFen))
  const [note, setNote] = useState('')
  const [missing, setMissing] = useState<string[]>([])
  const [refusal, setRefusal] = useState<string | null>(null)
  const { busy, error, run, fail } = useSubmit()

  const submit = async () => {
    const built = buildDecision(mode, { amount, note, missing, refusal }, engineFen)
    if (!built.ok) return fail(built.error)
    await run(() => onSubmit(built.body))
  }

  const changed = mode === 'approve' && parseYuan(amount) !== engineFen
  return (
    <View id='decision-form' className='staff-card' data-mode={mode}>
      <Text className='staff-card__title'>{staffUi.claim.decision}</Text>
      <Chips
        idPrefix='decision-mode'
        options={[
          { value: 'approve', label: staffUi.decision.approve },
          { value: 'request_material', label: staffUi.decision.requestMaterial },
          { value: 'reject', label: staffUi.decision.reject },
        ]}
        selected={[mode]}
        onChange={([value]) => {
          setMode((value as Mode | undefined) ?? 'approve')
          fail(null)
        }}
      />
      {mode === 'approve' && (
        <>
          <TextField id='decision-amount' label={staffUi.decision.amount} value={amount} onChange={setAmount} type='digit' />
          <Text id='decision-engine' className='staff-muted'>{fillTemplate(staffUi.decision.engineAmount, { amount: formatYuan(engineFen) })}</Text>
        </>
      )}
      {mode === 'request_material' && (
        <ChipsField
          label={staffUi.decision.missingKinds}
          idPrefix='decision-missing'
          multiple
          options={documentKinds.map((kind) => ({ value: kind, label: staffUi.documentKind[kind] }))}
          selected={missing}
          onChange={setMissing}
        />
      )}
      {mode === 'reject' && (
        <Field label={staffUi.decision.refusal}>
          <View className='decision-refusals'>
            {refusalCodes.map((code) => (
              <View
                key={code}
                id={`decision-refusal-${code}`}
                className={`staff-chip decision-refusal${refusal === code ? ' staff-chip--on' : ''}`}
                role='radio'
                aria-checked={refusal === code}
                onClick={() => setRefusal(code)}
              >
                <Text>{refusalLabel(code)}</Text>
              </View>
            ))}
          </View>
        </Field>
      )}
      <TextAreaField
        id='decision-note'
        label={changed || mode === 'request_material' ? staffUi.decision.reason : staffUi.decision.note}
        value={note}
        onChange={setNote}
        maxlength={500}
      />
      <SubmitRow id='decision-submit' errorId='decision-error' error={error} busy={busy} label={staffUi.decision.submit} onSubmit={() => void submit()} />
    </View>
  )
}
