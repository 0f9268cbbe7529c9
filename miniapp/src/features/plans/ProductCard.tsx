import { Text, View } from '@tarojs/components'
import { Checkbox } from '@nutui/nutui-react-taro'
import { fillTemplate, formatYuan, ui, type ProductData, type RuleViolation } from '@huzhu/shared'
import { ViolationList } from '../quote/ViolationList'
import './plans.scss'

interface Props {
  product: ProductData
  selected: boolean
  violations: readonly RuleViolation[]
  onToggle: (code: string, selected: boolean) => void
}

/** One product: the whole card is the tap target; what is wrong with choosing it is shown right under it. */
export function ProductCard({ product, selected, violations, onToggle }: Props) {
  const classes = ['product-card', selected ? 'is-selected' : '', violations.length > 0 ? 'has-violation' : '']
  return (
    <View id={`product-${product.code}`} className={classes.filter(Boolean).join(' ')}>
      <Checkbox className='product-card__check' checked={selected} onChange={(checked) => onToggle(product.code, checked)}>
        <View className='product-card__body'>
          <View className='product-card__head'>
            <Text className='product-card__name'>{`${product.code} ${product.name}`}</Text>
            <Text className='product-card__price'>
              {fillTemplate(ui.plans.pricePerYear, { price: formatYuan(product.priceFen) })}
            </Text>
          </View>
          <Text className='product-card__summary'>{product.summary}</Text>
        </View>
      </Checkbox>
      <ViolationList id={`product-${product.code}-violations`} violations={violations} />
    </View>
  )
}
