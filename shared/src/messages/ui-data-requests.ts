import type { uploadMediaTypes } from '../api/claims'
import type { DataDeletionStatus, DataExportActorKind, ErasedRecordKind, KeptRecordKind } from '../api/data-requests'
import type { PayChannel } from '../api/payment-orders'
import type { FundingPayer } from '../units/funding-order'
import { ui } from './ui'

/**
 * 我的数据: the member's page to download everything held about them and to ask
 * for its deletion (《个人信息保护法》第四十五条、第四十七条), and the reasons the
 * server gives for what deletion keeps. One place, so the page and the API say
 * the same thing.
 */
export const dataRequestUi = {
  title: '我的数据',
  intro: '你可以下载我们保存的关于你的全部信息，也可以申请删除你的个人信息。',
  exportTitle: '下载我的数据',
  exportHint: '包括实名信息、参保、缴费、理赔（含进度和材料清单）、收款账户（卡号隐去中间位）、授权记录、查看记录和消息。每小时最多下载 3 次。',
  exportXlsx: '下载表格（Excel）',
  exportJson: '下载数据文件（JSON）',
  exporting: '正在准备…',
  exported: '已开始下载',
  deletionTitle: '删除我的个人信息',
  deletionIntro: '删除后，你的姓名、身份证号码、手机号码、病历材料和照片都会删除，这个账号随即注销，不能恢复。删除后不能再就以前的保障申请理赔。',
  keptTitle: '依法需要保留的记录',
  keptIntro: '下面这些记录是法律要求保存的财务和安全记录。保存期内只作存储和安全保护，不再用于其他用途（《个人信息保护法》第四十七条第二款）。除了付款凭证本身载明的付款人、收款户名和账号，记录里不再有你的姓名、身份证号码和手机号码。',
  erasedTitle: '将删除的信息',
  kept: {
    enrolments: '参保记录（保障计划、保障期、保费、由谁缴费）：是收取互助金的依据。按《会计法》和《会计档案管理办法》，会计凭证和账簿要保存30年。',
    payments: '缴费记录（金额、日期、缴费渠道、交易流水号，以及银行流水上的付款人）：属于会计凭证，要保存30年。',
    claim_payouts: '已赔付理赔的给付记录（金额、计算明细、发票号码、银行打款日期和流水号）及当时收款的户名和账号（加密保存）：理赔款是互助金的支出，付款凭证要保存30年；发票号码用于防止同一张发票重复报销。诊断、医院和材料照片会删除。',
    ledger: '收支台账的汇总数字：只有按日期和保障计划汇总的金额，不含个人信息。',
    hardship_flag: '困难职工标记（标记依据如档案号、标记人和时间）：是工会为你支付保费的依据，属于会计凭证的附件，要保存30年。标记里的姓名和身份证号码会删除，今后也不会再用于任何人。',
    consents: '你给过的授权记录（授权的内容版本和时间）：证明此前处理你的信息得到过你的同意（《个人信息保护法》第十四条、第六十九条），会标记为已撤回，不含你的网络地址。',
    audit_log: '查看和修改记录（审计日志）：谁在什么时候、从哪个网络地址看过或改过哪一类信息。《网络安全法》第二十一条要求网络日志至少保存六个月；日志只记账号编号，不含你的姓名、证件号码或病情。',
  } satisfies Record<KeptRecordKind, string>,
  erased: {
    profile: '实名信息：姓名、身份证号码、手机号码、职业、所在平台',
    person: '参保人信息：姓名、身份证号码、手机号码、职业改为“已删除”，出生日期只留年份（用于按年龄统计）',
    account: '登录信息：手机号码、微信绑定、登录状态、验证码和操作频率记录；账号注销',
    claim_material: '理赔的诊断、医院、进度备注、审核意见，与医保结算数据的比对；未赔付理赔的费用金额和发票号码',
    medical_records: '以你的身份证号码导入的医保结算数据',
    payee_accounts: '没有打过款的收款账户',
    notifications: '发给你的消息',
    uploads: '你上传的全部照片和文件',
  } satisfies Record<ErasedRecordKind, string>,
  scheduledReason: '你的保障到 {end} 才结束。保障期内还可能要理赔，理赔需要核对你的身份，所以删除安排在保障结束后的第二天（{date}）执行；在此之前你可以随时取消。',
  scheduledSoon: '你的保障已经结束，删除将在 {date} 执行；在此之前你可以取消。',
  nowAtOnce: '提交后立即删除。',
  nowAtCoverEnd: '你的保障到 {end} 结束。提交后，删除会在 {date} 执行，保障期内照常理赔；在此之前可以取消。',
  scheduledTitle: '已申请删除',
  scheduledOn: '将于 {date} 删除',
  requestDeletion: '申请删除',
  confirmTitle: '确认删除',
  confirmText: '删除后无法恢复，账号也会注销。确定删除吗？',
  deleting: '正在提交…',
  doneTitle: '你的个人信息已删除',
  doneText: '账号已注销。依法保留的记录见下方。',
  cancelScheduled: '取消删除申请',
  cancelled: '已取消删除申请',
  backHome: '返回首页',
} as const

/** Who did what an audit entry of the member's export records, in the member's words (the staff member is not named). */
export const dataExportActorLabels: Readonly<Record<DataExportActorKind, string>> = {
  self: '本人',
  staff: '工会工作人员',
  // Its own word, not the audit page's `auditUi.system`: importing ui-users would put the staff pages' texts on the rider's phone.
  system: '系统',
}

/**
 * The codes of the member's export that no screen of the app names, in the
 * member's words, for the xlsx (the JSON keeps the codes, for programs). What a
 * screen already names (a claim's status, a document's kind…) is taken from
 * there, not from here.
 */
export const dataExportUi = {
  /** How a session was signed in. */
  loginMethod: { sms: '手机号和短信验证码', wechat: ui.login.wechat } as Readonly<Record<string, string>>,
  /** How the account was proven to be the insured person (DOMAIN.md, "Identity"). */
  linkedVia: {
    phone: '登录手机号与参保登记的手机号一致',
    enrolment: '用这个账号参保',
    staff: '工会工作人员核对了身份证',
  } as Readonly<Record<string, string>>,
  /** How a confirmed premium was paid. */
  paymentChannel: { transfer: '转账或到办事处缴费', wechat_pay: '微信支付' } as Readonly<Record<string, string>>,
  /** How an online order was paid with WeChat Pay. */
  payChannel: {
    jsapi: '微信支付（小程序内）',
    h5: '微信支付（手机浏览器）',
    native: '微信支付（扫码）',
  } satisfies Record<PayChannel, string> as Readonly<Record<string, string>>,
  orderStatus: { open: '待支付', paid: '已支付', closed: '已关闭' } as Readonly<Record<string, string>>,
  refundStatus: { pending: '退款中', succeeded: '已退款', failed: '退款失败' } as Readonly<Record<string, string>>,
  deletionStatus: {
    scheduled: dataRequestUi.scheduledTitle,
    done: '已删除',
    cancelled: dataRequestUi.cancelled,
  } satisfies Record<DataDeletionStatus, string> as Readonly<Record<string, string>>,
  /** Who pays a share of a premium. */
  fundingPayer: { union: '工会', unit: '单位', member: '本人' } satisfies Record<FundingPayer, string>,
  /** What an uploaded file is. */
  mediaType: {
    'image/jpeg': 'JPEG 照片',
    'image/png': 'PNG 照片',
    'image/webp': 'WebP 照片',
    'image/heic': ui.claim.tileHeic,
    'application/pdf': 'PDF 文件',
  } satisfies Record<(typeof uploadMediaTypes)[number], string> as Readonly<Record<string, string>>,
  /** A premium paid, on its enrolment. */
  paymentConfirmed: '已缴费，{date}确认，流水号 {reference}',
  /** One payer's share of a premium, and whether it is paid. */
  share: '{payer} {amount}（{state}）',
  /** A refund of an online payment. */
  refund: '{amount}，{reason}，{status}',
  /** What a message is about: `理赔 clm_…`. */
  subject: '{what} {id}',
} as const
