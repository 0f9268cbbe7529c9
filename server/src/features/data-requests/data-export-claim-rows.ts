import { calendarUi, dataExportUi, eventKindLabels, fillTemplate, payeeUi, staffUi, ui, type DataExport } from '@huzhu/shared'
import { clauses, inWords, list, productsText, time, yesNo, yuan, type Row } from './data-export-rows'

/**
 * The claim sheets of the member's export (理赔, 理赔进度, 理赔材料) in the
 * words of the claim's own page: status, kind, the slip's figures, each payout
 * line's reason, the account it is paid to (masked), the bank's payment.
 */
type Claim = DataExport['claims'][number]
type PayoutLine = Claim['estimate']['lines'][number]

/** The settlement-slip figures as the claim form names them: `医疗费用总额 15,000.00 元；统筹段个人自付 8,000.00 元；住院天数 12 天`. */
function figuresText(f: Claim['figures']): string {
  const parts: string[] = []
  const money: [number | undefined, string][] = [
    [f.totalCostFen, ui.claim.totalCost], [f.pooledOutOfPocketFen, ui.claim.pooledOutOfPocket],
    [f.supplementaryOutOfPocketFen, ui.claim.supplementaryOutOfPocket], [f.deductiblePaidFen, ui.claim.deductiblePaid],
  ]
  for (const [fen, label] of money) if (fen !== undefined) parts.push(`${label} ${yuan(fen)}`)
  if (f.hospitalDays !== undefined) parts.push(`${ui.claim.hospitalDays} ${fillTemplate(ui.claim.figureDays, { days: f.hospitalDays })}`)
  if (f.disabilityGrade !== undefined) parts.push(`${staffUi.claim.disabilityGrade} ${fillTemplate(ui.claim.figureGrade, { grade: f.disabilityGrade })}`)
  if (f.inSitu !== undefined) parts.push(`${ui.claim.inSitu} ${f.inSitu ? ui.claim.flagYes : ui.claim.flagNo}`)
  if (f.femaleCancer !== undefined) parts.push(`${ui.claim.femaleCancer} ${f.femaleCancer ? ui.claim.flagYes : ui.claim.flagNo}`)
  return clauses(parts)
}

/** Each payout line as the claim's page shows it: product, benefit, part, then the engine's reason. */
const payoutText = (lines: readonly PayoutLine[]): string =>
  clauses(lines.map((l) => {
    const part = l.part === null ? null : (ui.payoutPart as Readonly<Record<string, string>>)[l.part] ?? null
    return `${[l.productName, l.benefitName, part].filter(Boolean).join(' · ')}：${l.reason}`
  }))

export function claimRow(c: Claim): Row {
  const { decision, payment, paymentFailure } = c
  return {
    [staffUi.claim.number]: c.id,
    参保编号: c.enrolmentId,
    保障计划编号: c.catalogueId,
    [ui.card.products]: productsText(c.products),
    [ui.card.holder]: c.personName,
    [ui.claim.kind]: eventKindLabels[c.kind],
    [ui.claim.eventDate]: c.eventDate,
    [ui.claim.diagnosis]: c.diagnosis,
    [ui.claim.hospital]: c.hospital ?? '',
    [ui.claim.figures]: figuresText(c.figures),
    [ui.claim.invoiceNumbers]: list(c.invoiceNumbers),
    状态: ui.claimStatus[c.status],
    [staffUi.claim.submittedAt]: time(c.submittedAt),
    最近提交材料时间: time(c.lastMaterialAt),
    应办结日期: c.dueOnProvisional ? `${c.dueOn}（${calendarUi.provisional}）` : c.dueOn,
    [staffUi.review.overdue]: yesNo(c.overdue),
    试算金额: yuan(c.estimate.totalFen),
    试算明细: payoutText(c.estimate.lines),
    审核时间: time(decision?.decidedAt ?? null),
    [ui.claim.approvedTotal]: decision?.approvedFen == null ? '' : yuan(decision.approvedFen),
    [ui.claim.payout]: decision === null ? '' : payoutText(decision.lines),
    [ui.claim.refusal]: decision?.refusal?.text ?? '',
    [ui.claim.missing]: list((decision?.missing ?? []).map((k) => ui.documentKind[k])),
    审核说明: decision?.note ?? '',
    [payeeUi.title]: c.payeeAccount === null ? '' : `${c.payeeAccount.bankName} ${c.payeeAccount.numberMasked}`,
    打款: payment === null ? '' : fillTemplate(ui.claim.paidAt, { date: payment.paidOn ?? time(payment.paidAt), reference: payment.reference }),
    打款未成功: paymentFailure === null ? '' : [
      fillTemplate(payeeUi.failedReason, { reason: paymentFailure.reason, date: paymentFailure.failedOn }),
      ...(paymentFailure.accountChanged ? [payeeUi.failedChanged] : []),
    ].join('，'),
  }
}

/** One step of a claim, and who took it. */
export function claimStepRow(c: Claim, step: Claim['history'][number]): Row {
  return {
    [staffUi.claim.number]: c.id, 时间: time(step.at), 状态: ui.claimStatus[step.status], 处理人: staffUi.claim.actor[step.actorRole], 备注: step.note ?? '',
  }
}

/** One piece of material sent with a claim (the file itself is on the 上传文件 sheet, by its number). */
export function claimDocumentRow(c: Claim, d: Claim['documents'][number]): Row {
  return {
    [staffUi.claim.number]: c.id, 文件编号: d.uploadId, 材料类别: ui.documentKind[d.kind], 文件类型: inWords(dataExportUi.mediaType, d.mediaType),
    '大小（字节）': String(d.size),
  }
}
