import { productTiers, type Catalogue, type ProductData, type ProductTier } from '@huzhu/shared'

export interface TierGroup {
  tier: ProductTier
  products: readonly ProductData[]
}

export interface CategoryGroup {
  code: string
  name: string
  tiers: readonly TierGroup[]
}

/** Products by category (catalogue order), then basic before enhanced; empty groups are left out. */
export function groupProducts(catalogue: Catalogue): CategoryGroup[] {
  const { categories, products } = catalogue.data
  return categories
    .map((category) => ({
      code: category.code,
      name: category.name,
      tiers: productTiers
        .map((tier) => ({ tier, products: products.filter((p) => p.category === category.code && p.tier === tier) }))
        .filter((group) => group.products.length > 0),
    }))
    .filter((group) => group.tiers.length > 0)
}
