import { Text, View } from '@tarojs/components'
import { fillTemplate, formatYuan, ui } from '@huzhu/shared'
import { QrCode } from '../card/QrCode'

/** A WeChat Pay Native order's `code_url` as a QR code any phone scans, with the amount and what happens next. */
export function PaymentQr({ codeUrl, amountFen }: { codeUrl: string; amountFen: number }) {
  return (
    <View id='pay-online-qr' className='pay-online__qr'>
      <Text className='pay-online__scan'>{fillTemplate(ui.payment.scanToPay, { amount: formatYuan(amountFen) })}</Text>
      <QrCode id='pay-online-code' text={codeUrl} size={200} />
      <Text className='hint'>{ui.payment.waitingForPayment}</Text>
    </View>
  )
}
