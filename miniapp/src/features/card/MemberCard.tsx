import { Text, View } from '@tarojs/components'
import { fillTemplate, ui } from '@huzhu/shared'
import { formatDate } from '../../lib/format'
import type { CachedCard } from './card-cache'
import { QrCode } from './QrCode'
import './card.scss'

/** The member card: the signed QR code, who, which plan, which products, valid from and to. */
export function MemberCard({ card, offline }: { card: CachedCard; offline: boolean }) {
  return (
    <View id='member-card' className='card member-card'>
      <View className='member-card__head'>
        <Text className='card__title'>{card.catalogueName}</Text>
      </View>
      <Text className='hint'>{ui.card.intro}</Text>
      {offline && <Text id='card-offline' className='notice'>{ui.card.offline}</Text>}
      <QrCode id='card-qr' text={card.certificate.payload} />
      <View className='row'>
        <Text className='row__label'>{ui.card.holder}</Text>
        <Text id='card-holder' className='row__value'>{card.personName}</Text>
      </View>
      <View className='row'>
        <Text className='row__label'>{ui.card.idNumber}</Text>
        <Text className='row__value'>{card.idNumberMasked}</Text>
      </View>
      <Text id='card-valid' className='hint'>
        {fillTemplate(ui.card.validRange, { start: formatDate(card.certificate.validFrom), end: formatDate(card.certificate.validTo) })}
      </Text>
      <Text className='field__label'>{ui.card.products}</Text>
      {card.products.map((p) => (
        <Text key={p.code} id={`card-product-${p.code}`} className='member-card__product'>{`${p.code} ${p.name}`}</Text>
      ))}
    </View>
  )
}
