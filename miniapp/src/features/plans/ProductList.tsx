import { useMemo } from 'react'
import { Text, View } from '@tarojs/components'
import { productTierLabels, type Catalogue } from '@huzhu/shared'
import type { LiveQuote } from '../quote/live-quote'
import { groupProducts } from './group-products'
import { ProductCard } from './ProductCard'
import './plans.scss'

interface Props {
  catalogue: Catalogue
  codes: readonly string[]
  live: LiveQuote
  onToggle: (code: string, selected: boolean) => void
}

/** The catalogue's products by category (住院, 特种重病, 意外…), basic before enhanced. */
export function ProductList({ catalogue, codes, live, onToggle }: Props) {
  const groups = useMemo(() => groupProducts(catalogue), [catalogue])
  return (
    <View id='product-list' className='product-list'>
      {groups.map((group) => (
        <View key={group.code} id={`category-${group.code}`} className='card category'>
          <Text className='card__title'>{group.name}</Text>
          {group.tiers.map(({ tier, products }) => (
            <View key={tier} className={`tier tier--${tier}`}>
              <Text className='tier__label'>{productTierLabels[tier]}</Text>
              {products.map((product) => (
                <ProductCard
                  key={product.code}
                  product={product}
                  selected={codes.includes(product.code)}
                  violations={live.byProduct.get(product.code) ?? []}
                  onToggle={onToggle}
                />
              ))}
            </View>
          ))}
        </View>
      ))}
    </View>
  )
}
