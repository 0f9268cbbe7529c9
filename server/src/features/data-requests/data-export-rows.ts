import {
  addDays, auditActionLabels, auditFieldLabel, auditResourceLabel, coverCategoryLabels, dataExportActorLabels, dataExportUi,
  enrolmentModeLabels, fillTemplate, formatFen, fundingSourceLabels, hardshipUi, occupationLabels, payeeUi, renewalUi, sexLabels, staffUi, ui,
  usersUi, type ConsentKind, type DataExport,
} from '@huzhu/shared'
import { chinaDateTime } from '../audit/audit-export'

/**
 * The member's export, sheet by sheet, in words a member reads (the xlsx of
 * `GET /api/v1/me/data-export.xlsx`): one function per sheet's row, each row
 * its Chinese column titles in order; codes in the words the app's own screens
 * use, money in yuan, instants in China time, nested records as short text.
 * Ids a member can quote to the office (enrolment, claim, file numbers) stay.
 * The claim sheets are in data-export-claim-rows.ts.
 */
export type Row = Readonly<Record<string, string>>
type Enrolment = DataExport['enrolments'][number]

/** An instant in China time (`2026-11-25 15:17:03`); none is blank. */
export const time = (iso: string | null): string => (iso === null ? '' : chinaDateTime(iso))
/** `620000` → `6,200.00 元`, as the app's payout lines and messages say it. */
export const yuan = (fen: number): string => `${formatFen(fen)} ${ui.claim.yuan}`
export const yesNo = (value: boolean): string => (value ? ui.profile.yes : ui.profile.no)
/** A code in words; a code the catalogue does not know yet shows as it is rather than as nothing. */
export const inWords = (labels: Readonly<Record<string, string>>, code: string): string => labels[code] ?? code
export const list = (items: readonly string[]): string => items.join('、')
export const clauses = (items: readonly string[]): string => items.join('；')

const consentLabels: Readonly<Record<ConsentKind, string>> = {
  privacy_policy: ui.consent.privacyTitle,
  sensitive_personal_info: ui.consent.sensitiveTitle,
  medical_data: ui.consent.medicalTitle,
}
const subjectLabels: Readonly<Record<string, string>> = { enrolment: ui.home.enrol, claim: ui.home.claim, unit: auditResourceLabel('unit') }

export function accountRow(account: DataExport['account']): Row {
  return {
    [usersUi.account]: account.id,
    [usersUi.loginPhone]: account.phone ?? '',
    已绑定微信: yesNo(account.wechatLinked),
    [usersUi.created]: time(account.createdAt),
    最近登录: time(account.lastLoginAt),
    [usersUi.roles]: account.roles.length === 0 ? usersUi.noRoles : list(account.roles.map((r) => inWords(staffUi.roles, r))),
  }
}

export function sessionRow(session: DataExport['sessions'][number]): Row {
  return {
    登录方式: inWords(dataExportUi.loginMethod, session.method),
    登录时间: time(session.createdAt),
    到期时间: time(session.expiresAt),
    退出时间: time(session.revokedAt),
  }
}

export function profileRow(profile: NonNullable<DataExport['profile']>): Row {
  return {
    [usersUi.account]: profile.userId,
    [ui.profile.name]: profile.name,
    [ui.profile.idNumber]: profile.idNumber,
    [ui.profile.sex]: sexLabels[profile.sex],
    出生日期: profile.birthDate,
    [ui.profile.mobile]: profile.mobile,
    [ui.profile.occupation]: occupationLabels[profile.occupation],
    [ui.profile.platform]: profile.platform,
    [ui.profile.medicalInsurance]: yesNo(profile.basicMedicalInsurance),
    [ui.profile.unionMember]: yesNo(profile.unionMember),
    更新时间: time(profile.updatedAt),
  }
}

export function personRow(person: DataExport['persons'][number]): Row {
  return {
    参保人编号: person.id,
    确认本人的方式: inWords(dataExportUi.linkedVia, person.via),
    确认时间: time(person.linkedAt),
    [ui.profile.name]: person.name,
    [ui.profile.idNumber]: person.idNumber,
    [ui.profile.sex]: sexLabels[person.sex],
    出生日期: person.birthDate,
    [ui.profile.mobile]: person.mobile ?? '',
    [ui.profile.occupation]: person.occupation === null ? '' : inWords(occupationLabels, person.occupation),
    [ui.profile.platform]: person.platform ?? '',
  }
}

/** `在职住院（基本）× 1份、…` */
export const productsText = (products: Enrolment['products']): string =>
  list(products.map((p) => `${p.name}${fillTemplate(ui.quote.shares, { shares: p.shares })}`))

/** `住院 2020-04-01起；特种重病 2020-06-30起` */
const coverFromText = (coverFrom: Enrolment['coverFrom']): string =>
  clauses(Object.entries(coverFrom).map(([category, date]) => `${inWords(coverCategoryLabels, category)} ${fillTemplate(ui.quote.coverFromDate, { date })}`))

/** Each product's premium and the bundle discount: `在职住院（基本）× 1份 120.00 元；基本保障组合优惠 -10.00 元` */
const premiumLinesText = (lines: Enrolment['lines']): string =>
  clauses(lines.map((l) => `${l.name}${l.kind === 'product' ? fillTemplate(ui.quote.shares, { shares: l.shares }) : ''} ${yuan(l.premiumFen)}`))

/** `工会 30.00 元（已缴费）；本人 150.00 元（待缴费）` */
const sharesText = (shares: Enrolment['shares']): string =>
  clauses(shares.map((s) => fillTemplate(dataExportUi.share, {
    payer: dataExportUi.fundingPayer[s.payer], amount: yuan(s.amountFen), state: s.paid ? staffUi.enrolmentStatus.active : ui.coverState.pending_payment,
  })))

/** The renewal on an enrolment whose window is open: made already, what renewing today gives, or why it cannot be. */
function renewalText(renewal: Enrolment['renewal']): string {
  if (renewal === null) return ''
  const { offer } = renewal
  // The renewal made already is its own row on this sheet, by its number: it starts the day after this cover ends.
  if (renewal.renewalId !== null) return `${fillTemplate(renewalUi.member.renewed, { start: offer?.start ?? addDays(renewal.closesOn, 1) })}（${renewal.renewalId}）`
  if (offer === null) return fillTemplate(renewalUi.member.unavailable, { reason: renewal.unavailable ?? '' })
  const today = fillTemplate(renewalUi.member.offer, { end: renewal.closesOn, start: offer.start, newEnd: offer.end })
  return `${today}${fillTemplate(renewalUi.member.premium, { amount: yuan(offer.premiumFen) })}`
}

export function enrolmentRow(e: Enrolment): Row {
  return {
    参保编号: e.id,
    保障计划编号: e.catalogueId,
    [ui.plans.catalogues]: e.catalogueName,
    参保方式: enrolmentModeLabels[e.mode],
    缴费状态: staffUi.enrolmentStatus[e.status],
    保障状态: ui.coverState[e.coverState],
    [ui.card.products]: productsText(e.products),
    参保日期: e.acceptedOn,
    保障开始: e.start,
    保障结束: e.end,
    [ui.quote.coverFrom]: coverFromText(e.coverFrom),
    保费: yuan(e.premiumFen),
    保费明细: premiumLinesText(e.lines),
    出资方: fundingSourceLabels[e.fundingSource],
    保费分担: sharesText(e.shares),
    单位: e.unit?.name ?? '',
    参保活动编号: e.eventId ?? '',
    [ui.card.holder]: `${e.person.name}（${e.person.idNumber}）`,
    缴费: e.payment === null ? '' : fillTemplate(dataExportUi.paymentConfirmed, { date: time(e.payment.confirmedAt), reference: e.payment.reference }),
    [ui.payment.reference]: e.paymentCode ?? '',
    取消时间: time(e.cancelledAt),
    创建时间: time(e.createdAt),
    续保的原参保编号: e.renewsEnrolmentId ?? '',
    续保: renewalText(e.renewal),
  }
}

export function paymentRow(p: DataExport['payments'][number]): Row {
  return { 参保编号: p.enrolmentId, 保费: yuan(p.premiumFen), 缴费方式: inWords(dataExportUi.paymentChannel, p.channel), 到账时间: time(p.confirmedAt) }
}

export function fundingShareRow(s: DataExport['fundingShares'][number]): Row {
  return { 参保编号: s.enrolmentId, 付款方: dataExportUi.fundingPayer[s.payer], 金额: yuan(s.amountFen), 支付时间: time(s.paidAt) }
}

export function hardshipRow(h: NonNullable<DataExport['hardshipWorker']>): Row {
  return { [hardshipUi.name]: h.name ?? '', [hardshipUi.idNumber]: h.idNumber, [hardshipUi.reason]: h.reason, 标记时间: time(h.flaggedAt) }
}

export function paymentOrderRow(o: DataExport['paymentOrders'][number]): Row {
  return {
    订单编号: o.id,
    支付方式: inWords(dataExportUi.payChannel, o.channel),
    金额: yuan(o.amountFen),
    状态: inWords(dataExportUi.orderStatus, o.status),
    创建时间: time(o.createdAt),
    支付时间: time(o.paidAt),
    交易流水号: o.transactionId ?? '',
    退款: clauses(o.refunds.map((r) => {
      const text = fillTemplate(dataExportUi.refund, { amount: yuan(r.amountFen), reason: r.reason, status: inWords(dataExportUi.refundStatus, r.status) })
      return r.doneAt === null ? text : `${text} ${time(r.doneAt)}`
    })),
  }
}

export function uploadRow(u: DataExport['uploads'][number]): Row {
  return {
    文件编号: u.id, 文件类型: inWords(dataExportUi.mediaType, u.mediaType), '大小（字节）': String(u.size), 内容校验值: u.sha256,
    上传时间: time(u.createdAt), [staffUi.claim.number]: u.claimId ?? '',
  }
}

export function payeeAccountRow(a: DataExport['payeeAccounts'][number]): Row {
  return {
    编号: a.id, [payeeUi.holder]: a.holderName, [payeeUi.bankName]: a.bankName, '账号（隐去中间位）': a.numberMasked, [payeeUi.default]: yesNo(a.isDefault),
    添加时间: time(a.createdAt), 已删除: yesNo(a.deleted),
  }
}

export function medicalRecordRow(m: DataExport['medicalRecords'][number]): Row {
  return {
    [ui.claim.hospital]: m.hospital, 入院日期: m.admittedOn, 出院日期: m.dischargedOn, [ui.claim.totalCost]: yuan(m.totalCostFen),
    [ui.claim.pooledOutOfPocket]: yuan(m.pooledOutOfPocketFen), [ui.claim.supplementaryOutOfPocket]: yuan(m.supplementaryOutOfPocketFen),
    [ui.claim.deductiblePaid]: yuan(m.deductibleFen), 导入时间: time(m.importedAt),
  }
}

export function consentRow(c: DataExport['consents'][number]): Row {
  return { 编号: c.id, 授权内容: consentLabels[c.kind], 授权文本版本: c.textVersion, 授权时间: time(c.givenAt), 撤回时间: time(c.withdrawnAt) }
}

/** An audit entry as the member reads it: who, what and which fields in words (the JSON export keeps the codes, for programs). */
export function auditEntryInWords(entry: DataExport['auditEntries'][number]): Row {
  return {
    时间: time(entry.at),
    操作人: dataExportActorLabels[entry.by],
    操作: auditActionLabels[entry.action],
    内容: auditResourceLabel(entry.resource),
    字段: list(entry.fields.map(auditFieldLabel)),
  }
}

/** A message: its title already names its kind in words, so the kind's code is not repeated. */
export function notificationRow(n: DataExport['notifications'][number]): Row {
  return {
    编号: n.id, 标题: n.title, 内容: n.body, 关于: fillTemplate(dataExportUi.subject, { what: inWords(subjectLabels, n.subject.type), id: n.subject.id }),
    时间: time(n.createdAt), 已读时间: time(n.readAt),
  }
}

export function deletionRequestRow(d: DataExport['deletionRequests'][number]): Row {
  return { 状态: inWords(dataExportUi.deletionStatus, d.status), 申请时间: time(d.requestedAt), 执行日期: d.effectiveOn, 取消时间: time(d.cancelledAt) }
}
