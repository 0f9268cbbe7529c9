import { describe, expect, jest, test } from '@jest/globals'
import { fireEvent, render, screen, waitFor } from '@testing-library/react'
import { staffUi, type ClaimDecisionRequest } from '@huzhu/shared'
import { DecisionForm, buildDecision } from '../../src/staff/components/DecisionForm'

const ENGINE_FEN = 620000

function openForm() {
  const onSubmit = jest.fn(async (_body: ClaimDecisionRequest) => undefined)
  render(<DecisionForm engineFen={ENGINE_FEN} onSubmit={onSubmit} />)
  return onSubmit
}

const type = (id: string, value: string) => fireEvent.change(document.getElementById(id)!, { target: { value } })
const click = (id: string) => fireEvent.click(document.getElementById(id)!)

describe('claim decision form', () => {
  test('approves with the engine amount as it stands', async () => {
    const onSubmit = openForm()
    expect((document.getElementById('decision-amount') as HTMLInputElement).value).toBe('6200.00')
    click('decision-submit')
    await waitFor(() => expect(onSubmit).toHaveBeenCalledWith({ decision: 'approve' }))
  })

  test('a changed amount needs a reason, then goes with it', async () => {
    const onSubmit = openForm()
    type('decision-amount', '5000')
    click('decision-submit')
    expect(screen.getByText(staffUi.decision.reasonRequired)).toBeTruthy()
    expect(onSubmit).not.toHaveBeenCalled()

    type('decision-note', '发票金额与结算单不一致，按结算单核定')
    click('decision-submit')
    await waitFor(() => expect(onSubmit).toHaveBeenCalledWith({ decision: 'approve', amountFen: 500000, note: '发票金额与结算单不一致，按结算单核定' }))
  })

  test('asking for material names the missing kinds and what is needed', async () => {
    const onSubmit = openForm()
    click('decision-mode-request_material')
    click('decision-submit')
    expect(screen.getByText(staffUi.decision.missingRequired)).toBeTruthy()
    click('decision-missing-invoice')
    click('decision-missing-discharge_summary')
    type('decision-note', '请补充发票原件照片和出院小结')
    click('decision-submit')
    await waitFor(() =>
      expect(onSubmit).toHaveBeenCalledWith({ decision: 'request_material', missing: ['invoice', 'discharge_summary'], note: '请补充发票原件照片和出院小结' }),
    )
  })

  test('a refusal takes a numbered reason from the shared catalogue', async () => {
    const onSubmit = openForm()
    click('decision-mode-reject')
    expect(document.getElementById('decision-refusal-waiting_period')?.textContent).toContain('第2号')
    click('decision-submit')
    expect(screen.getByText(staffUi.decision.refusalRequired)).toBeTruthy()
    click('decision-refusal-waiting_period')
    click('decision-submit')
    await waitFor(() => expect(onSubmit).toHaveBeenCalledWith({ decision: 'reject', refusal: 'waiting_period' }))
  })

  test('buildDecision: an unreadable amount is refused before anything is sent', () => {
    expect(buildDecision('approve', { amount: '62,00.0.1', note: '', missing: [], refusal: null }, ENGINE_FEN)).toEqual({ ok: false, error: staffUi.common.amountInvalid })
    expect(buildDecision('approve', { amount: '¥6,200.00', note: '', missing: [], refusal: null }, ENGINE_FEN)).toEqual({ ok: true, body: { decision: 'approve' } })
  })
})
