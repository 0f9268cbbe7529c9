import Taro from '@tarojs/taro'
import { Image, Text, View } from '@tarojs/components'
import { fillTemplate, formatYuan, ui, type Claim, type ClaimFigures, type DocumentKind } from '@huzhu/shared'
import { FileTile } from './PhotoList'
import { tileLabel } from './photo-files'
import { useUploadContent } from './upload-content'
import './claims.scss'

type FigureRow = [id: string, label: string, value: string]

/** The settlement-slip figures the rider sent, in the slip's order: amounts in yuan (from fen), days, grade, the two flags. */
export function sentFigureRows(figures: ClaimFigures): FigureRow[] {
  const rows: FigureRow[] = []
  const money: [keyof ClaimFigures, string][] = [
    ['totalCostFen', ui.claim.totalCost],
    ['pooledOutOfPocketFen', ui.claim.pooledOutOfPocket],
    ['supplementaryOutOfPocketFen', ui.claim.supplementaryOutOfPocket],
    ['deductiblePaidFen', ui.claim.deductiblePaid],
  ]
  for (const [key, label] of money) {
    const fen = figures[key]
    if (typeof fen === 'number') rows.push([key, label, formatYuan(fen)])
  }
  if (figures.hospitalDays !== undefined) rows.push(['hospitalDays', ui.claim.hospitalDays, fillTemplate(ui.claim.figureDays, { days: figures.hospitalDays })])
  if (figures.disabilityGrade !== undefined) rows.push(['disabilityGrade', ui.claim.disabilityGrade, fillTemplate(ui.claim.figureGrade, { grade: figures.disabilityGrade })])
  if (figures.inSitu !== undefined) rows.push(['inSitu', ui.claim.inSitu, figures.inSitu ? ui.claim.flagYes : ui.claim.flagNo])
  if (figures.femaleCancer !== undefined) rows.push(['femaleCancer', ui.claim.femaleCancer, figures.femaleCancer ? ui.claim.flagYes : ui.claim.flagNo])
  return rows
}

/** One piece of material: its thumbnail fetched with the member's token (tap: the photo large), or a tile saying what it is. */
function SentPhoto({ index, uploadId, kind, mediaType }: { index: number; uploadId: string; kind: DocumentKind; mediaType: string }) {
  const view = useUploadContent(uploadId, mediaType)
  const id = `claim-photo-${index}`
  return (
    <View id={id} className='sent-photo' data-upload-id={uploadId}>
      {view.state === 'shown' ? (
        <Image
          id={`${id}-image`}
          className='sent-photo__image'
          src={view.src}
          mode='aspectFill'
          onClick={() => void Taro.previewImage({ urls: [view.src], current: view.src })}
        />
      ) : view.state === 'failed' ? (
        <FileTile id={`${id}-tile`} label={ui.claim.photoFailedTile} className='is-refused' />
      ) : (
        <FileTile id={`${id}-tile`} label={view.state === 'tile' ? tileLabel(view.mediaType ?? mediaType) : '…'} className={view.state === 'tile' ? '' : 'is-loading'} />
      )}
      <Text className='sent-photo__kind'>{ui.documentKind[kind]}</Text>
    </View>
  )
}

/** What the rider sent with their claim: the figures and the photos of the material (including what was added later). */
export function SentMaterial({ claim }: { claim: Claim }) {
  const rows = sentFigureRows(claim.figures)
  return (
    <View id='claim-sent' className='card'>
      {rows.length > 0 && (
        <>
          <Text className='card__title'>{ui.claim.sentFigures}</Text>
          <View id='claim-sent-figures' className='sent-figures'>
            {rows.map(([key, label, value]) => (
              <View key={key} className='row'>
                <Text className='row__label'>{label}</Text>
                <Text id={`claim-sent-${key}`} className='row__value'>{value}</Text>
              </View>
            ))}
            {claim.invoiceNumbers.length > 0 && (
              <View className='row'>
                <Text className='row__label'>{ui.claim.invoiceNumbers}</Text>
                <Text id='claim-sent-invoices' className='row__value'>{claim.invoiceNumbers.join('、')}</Text>
              </View>
            )}
          </View>
        </>
      )}
      <Text className='card__title'>{ui.claim.sentPhotos}</Text>
      {claim.documents.length > 0 && <Text className='hint'>{ui.claim.tapToEnlarge}</Text>}
      <View id='claim-sent-photos' className='sent-photos'>
        {claim.documents.map((d, i) => (
          <SentPhoto key={`${d.uploadId}-${i}`} index={i} uploadId={d.uploadId} kind={d.kind} mediaType={d.mediaType} />
        ))}
      </View>
    </View>
  )
}
