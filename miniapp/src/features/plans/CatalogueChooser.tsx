import { Text, View } from '@tarojs/components'
import { ui, type CatalogueSummary } from '@huzhu/shared'
import './plans.scss'

interface Props {
  catalogues: readonly CatalogueSummary[]
  activeId: string
  onChoose: (id: string) => void
}

/** The plans on offer, one per row (names are long); hidden when there is only one. */
export function CatalogueChooser({ catalogues, activeId, onChoose }: Props) {
  if (catalogues.length < 2) return null
  return (
    <View id='catalogue-chooser' className='card catalogue-chooser'>
      <Text className='card__title'>{ui.plans.catalogues}</Text>
      {catalogues.map((c) => (
        <View
          key={c.id}
          id={`catalogue-${c.id}`}
          className={`catalogue-option${c.id === activeId ? ' is-active' : ''}`}
          onClick={() => onChoose(c.id)}
        >
          <Text className='catalogue-option__name'>{c.name}</Text>
          <Text className='catalogue-option__region'>{c.region}</Text>
        </View>
      ))}
    </View>
  )
}
