import type { ReactNode } from 'react'
import { View } from '@tarojs/components'
import { useLargeText } from '../lib/large-text'

/** A page's root: the grey page background and, when chosen, large text. */
export function Screen({ className, children }: { className?: string; children: ReactNode }) {
  const large = useLargeText()
  return <View className={['page', className, large ? 'large-text' : ''].filter(Boolean).join(' ')}>{children}</View>
}
