import { useState } from 'react'
import { Input, Text, View } from '@tarojs/components'
import { ui, type EventKind } from '@huzhu/shared'
import type { FigureInputs } from './draft'
import { figureFieldsFor, type FigureErrors, type FigureField } from './figures'
import { SlipIllustration, slipMarkers } from './SlipIllustration'

const figureLabels: Record<FigureField, string> = {
  totalCost: ui.claim.totalCost,
  pooledOutOfPocket: ui.claim.pooledOutOfPocket,
  supplementaryOutOfPocket: ui.claim.supplementaryOutOfPocket,
  deductiblePaid: ui.claim.deductiblePaid,
  hospitalDays: ui.claim.hospitalDays,
  disabilityGrade: ui.claim.disabilityGrade,
}

export interface ClaimFiguresCardProps {
  kind: EventKind
  figures: FigureInputs
  errors: FigureErrors
  onFigure: <K extends keyof FigureInputs>(key: K, value: FigureInputs[K]) => void
}

/**
 * The settlement-slip figures a kind of claim asks for, with the drawing of
 * the slip that marks where the figure being typed is; nothing for a kind that
 * asks for none.
 */
export function ClaimFiguresCard({ kind, figures, errors, onFigure }: ClaimFiguresCardProps) {
  const [activeFigure, setActiveFigure] = useState<FigureField | null>(null)
  const { amounts, flags } = figureFieldsFor(kind)
  if (amounts.length === 0 && flags.length === 0) return null
  return (
    <View id='claim-figures' className='card'>
      <Text className='card__title'>{ui.claim.figures}</Text>
      {amounts.some((f) => slipMarkers[f] !== '') && (
        <>
          <Text className='hint'>{ui.claim.figuresHint}</Text>
          <SlipIllustration fields={amounts} active={activeFigure} />
        </>
      )}
      {amounts.map((field) => (
        <View key={field} id={`field-claim-${field}`} className={`field${errors[field] ? ' has-error' : ''}`}>
          <Text className='field__label'>{`${slipMarkers[field]} ${figureLabels[field]}`}</Text>
          <Input
            id={`claim-${field}`}
            className='field__input'
            type={field === 'hospitalDays' || field === 'disabilityGrade' ? 'number' : 'digit'}
            value={figures[field]}
            placeholder={field === 'hospitalDays' ? ui.claim.days : field === 'disabilityGrade' ? '' : ui.claim.yuan}
            onFocus={() => setActiveFigure(field)}
            onBlur={() => setActiveFigure(null)}
            onInput={(e) => onFigure(field, e.detail.value)}
          />
          {errors[field] && <Text id={`claim-${field}-error`} className='field-error'>{errors[field]}</Text>}
        </View>
      ))}
      {flags.map((flag) => (
        <View key={flag} id={`claim-${flag}`} className={`choice flag-row${figures[flag] ? ' is-active' : ''}`} onClick={() => onFigure(flag, !figures[flag])}>
          {`${figures[flag] ? '☑' : '☐'} ${flag === 'inSitu' ? ui.claim.inSitu : ui.claim.femaleCancer}`}
        </View>
      ))}
    </View>
  )
}
