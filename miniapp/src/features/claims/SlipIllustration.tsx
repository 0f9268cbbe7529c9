import { Text, View } from '@tarojs/components'
import { ui } from '@huzhu/shared'
import type { FigureField } from './figures'
import './claims.scss'

/** The marker each figure has on the drawing and beside its field. */
export const slipMarkers: Record<FigureField, string> = {
  totalCost: '①',
  pooledOutOfPocket: '②',
  supplementaryOutOfPocket: '③',
  deductiblePaid: '④',
  hospitalDays: '⑤',
  disabilityGrade: '',
}

const slip = ui.claim.slip
const lines: { field?: FigureField; label: string }[] = [
  { label: slip.person },
  { field: 'hospitalDays', label: slip.days },
  { field: 'totalCost', label: slip.totalCost },
  { label: slip.pooledFund },
  { field: 'pooledOutOfPocket', label: slip.pooled },
  { field: 'supplementaryOutOfPocket', label: slip.supplementary },
  { field: 'deductiblePaid', label: slip.deductible },
  { label: slip.account },
]

/**
 * A typical medical-insurance settlement slip (结算单), drawn with views (not
 * a copied image): where each figure the form asks for is found. The figure
 * being typed is highlighted.
 */
export function SlipIllustration({ fields, active }: { fields: readonly FigureField[]; active: FigureField | null }) {
  return (
    <View id='slip-illustration' className='slip' aria-hidden>
      <Text className='slip__title'>{ui.claim.slipTitle}</Text>
      {lines.map(({ field, label }) => {
        const shown = field !== undefined && fields.includes(field)
        return (
          <View key={label} className={`slip__line${shown ? ' is-asked' : ''}${shown && field === active ? ' is-active' : ''}`}>
            <Text className='slip__label'>{label}</Text>
            <View className='slip__value'>
              {shown && <Text className='slip__marker'>{slipMarkers[field]}</Text>}
              <View className='slip__digits' />
            </View>
          </View>
        )
      })}
      <View className='slip__stamp' />
    </View>
  )
}
