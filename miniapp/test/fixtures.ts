import { builtInCatalogues, enrolmentModes, message, type Catalogue, type CatalogueSummary, type Claim, type Enrolment, type PayeeAccount } from '@huzhu/shared'
import type { RequestHandler, RequestOptions, RequestResult } from './taro-stub'

export const shanghai = builtInCatalogues().get('shanghai-2020')!
export const shaanxi = builtInCatalogues().get('shaanxi-gig-2023')!

/** What `GET /api/v1/catalogues` says about a catalogue (as the server presents it). */
export function summaryOf({ data }: Catalogue): CatalogueSummary {
  return {
    id: data.id,
    name: data.name,
    region: data.region,
    issuer: data.issuer,
    term: data.term,
    modes: enrolmentModes.filter((m) => data.modes[m] !== undefined),
    productCount: data.products.length,
    ...(data.illustrative !== undefined ? { illustrative: data.illustrative } : {}),
  }
}

export function errorResponse(statusCode: number, code: string, message: string): RequestResult {
  return { statusCode, data: { error: { code, message } } }
}

/** A server that answers the catalogue endpoints from the built-in catalogues. */
export function catalogueServer(catalogues: readonly Catalogue[] = [shanghai, shaanxi]): RequestHandler {
  return ({ url }) => {
    if (url === '/api/v1/catalogues') return { statusCode: 200, data: { catalogues: catalogues.map(summaryOf) } }
    const id = /^\/api\/v1\/catalogues\/([^/]+)$/.exec(url)?.[1]
    const found = catalogues.find((c) => c.id === id)
    if (found) return { statusCode: 200, data: JSON.parse(JSON.stringify(found.data)) as unknown }
    return errorResponse(404, 'unknown_catalogue', message('unknown_catalogue'))
  }
}

/** A tiny server: routes by "METHOD path" (query ignored), each a result or a function of the request. */
export function fakeServer(routes: Record<string, RequestResult | ((options: RequestOptions) => RequestResult)>): RequestHandler {
  return (options) => {
    const path = options.url.split('?')[0]!
    const route = routes[`${options.method ?? 'GET'} ${path}`]
    if (route === undefined) return errorResponse(404, 'not_found', message('not_found'))
    return typeof route === 'function' ? route(options) : route
  }
}

export function json(data: unknown, statusCode = 200): RequestResult {
  return { statusCode, data: JSON.parse(JSON.stringify(data)) as unknown }
}

/** An active Shaanxi enrolment of a rider (as `GET /api/v1/me/enrolments` presents it to the member). */
export function enrolmentFixture(overrides: Partial<Enrolment> = {}): Enrolment {
  return {
    id: 'enr_1',
    catalogueId: 'shaanxi-gig-2023',
    catalogueName: '陕西新就业形态劳动者工会会员职工互助保障（住院+意外）',
    mode: 'instant',
    status: 'active',
    coverState: 'waiting',
    products: [{ code: 'ZY', name: '住院+意外', shares: 1 }],
    acceptedOn: '2026-11-25',
    start: '2026-11-26',
    end: '2027-11-25',
    coverFrom: { hospital: '2026-12-26', accident: '2026-11-26' },
    premiumFen: 10_000,
    lines: [{ product: 'ZY', name: '住院+意外', kind: 'product', shares: 1, premiumFen: 10_000 }],
    fundingSource: 'member',
    shares: [{ payer: 'member', amountFen: 10_000, paid: false }],
    unit: null,
    eventId: null,
    person: { name: '王小明', idNumber: '610102199001011231', sex: 'M', birthDate: '1990-01-01', mobile: '13800001111', occupation: 'food_delivery', platform: '美团' },
    payment: { id: 'pay_1', reference: 'BANK-0001', confirmedAt: '2026-11-25T03:00:00.000Z' },
    paymentCode: 'HZ7K3M9QX9',
    cancelledAt: null,
    createdAt: '2026-11-25T02:00:00.000Z',
    renewsEnrolmentId: null,
    renewal: null,
    ...overrides,
  }
}

export function consentsServer(kinds: string[]): Record<string, RequestResult> {
  return {
    'GET /api/v1/me/consents': json({
      consents: kinds.map((kind, i) => ({ id: `cns_${i}`, kind, textVersion: '2026-11-01', givenAt: '2026-11-25T01:00:00.000Z', withdrawnAt: null })),
    }),
  }
}

/** A claim as `GET /api/v1/claims/:id` presents it to its member. */
export function claimFixture(overrides: Partial<Claim> = {}): Claim {
  return {
    id: 'clm_1',
    enrolmentId: 'enr_1',
    catalogueId: 'shaanxi-gig-2023',
    products: [{ code: 'ZY', name: '住院+意外', shares: 1 }],
    personName: '王小明',
    kind: 'inpatient',
    eventDate: '2027-01-10',
    diagnosis: '急性阑尾炎',
    hospital: null,
    figures: { pooledOutOfPocketFen: 800_000, supplementaryOutOfPocketFen: 200_000, hospitalDays: 12 },
    invoiceNumbers: [],
    documents: [{ uploadId: 'upl_1', kind: 'invoice', mediaType: 'image/jpeg', size: 1000 }],
    status: 'submitted',
    submittedAt: '2027-01-15T02:00:00.000Z',
    lastMaterialAt: '2027-01-15T02:00:00.000Z',
    dueOn: '2027-01-29',
    dueOnProvisional: false,
    overdue: false,
    estimate: { totalFen: 620_000, lines: [] },
    decision: null,
    payeeAccount: { id: 'pya_1', holderName: '王小明', bankName: '中国工商银行西安雁塔支行', numberMasked: '6222 **** **** 0128' },
    payment: null,
    paymentFailure: null,
    flags: [],
    history: [{ at: '2027-01-15T02:00:00.000Z', status: 'submitted', actorRole: 'member', note: null }],
    ...overrides,
  }
}

/** A payee account as the member's list presents it. */
export function payeeAccountFixture(overrides: Partial<PayeeAccount> = {}): PayeeAccount {
  return { id: 'pya_1', holderName: '王小明', bankName: '中国工商银行西安雁塔支行', numberMasked: '6222 **** **** 0128', isDefault: true, createdAt: '2026-11-25T02:00:00.000Z', ...overrides }
}

/** `GET /api/v1/me/payee-accounts`: these accounts, held in 王小明's name. */
export function payeeAccountsRoute(accounts: PayeeAccount[] = [payeeAccountFixture()]): Record<string, RequestResult> {
  return { 'GET /api/v1/me/payee-accounts': json({ accounts, holderName: '王小明' }) }
}

/** `GET /api/v1/me` for a rider, with or without the real-name profile filled in. */
export function meFixture(hasProfile: boolean) {
  return json({ id: 'usr_1', roles: ['member'], grants: [], phoneMasked: '138****1111', wechatLinked: false, hasProfile })
}
