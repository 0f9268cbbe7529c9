/**
 * Engine benchmark: quotes and payouts per second on one core, over a generated
 * mix of 100,000 members (both shipped catalogues, both enrolment modes, every
 * valid kind of selection) and one event each (every kind, in and out of cover).
 *
 *   npm run bench:engine            # 100,000 members
 *   npm run bench:engine -- 20000   # fewer
 */
import {
  builtInCatalogues, computePayout, coverOfQuote, eventKinds, fromDayNumber, quote, toDayNumber, toSelection,
  type Catalogue, type ClaimEvent, type Cover, type EnrolmentMode, type QuoteRequest,
} from '@huzhu/shared'
import { seededRandom, type Random } from '../lib/random'

const members = Number(process.argv[2] ?? 100_000)
const random = seededRandom(20201014)
const catalogues = builtInCatalogues()
const shanghai = catalogues.get('shanghai-2020')!
const shaanxi = catalogues.get('shaanxi-gig-2023')!

function shanghaiRequest(r: Random): QuoteRequest {
  const basics = ['A0', 'B0', 'C0'].filter(() => r.chance(0.6))
  if (basics.length === 0) basics.push(r.pick(['A0', 'B0', 'C0']))
  const enhanced = [r.pick([null, 'A1', 'A2', 'A3']), r.pick([null, 'B1', 'B2', 'B3']), r.pick([null, 'C1', 'C2', 'C3'])]
  const mode: EnrolmentMode = r.chance(0.5) ? 'collective' : 'instant'
  const acceptedOn = mode === 'collective'
    ? fromDayNumber(r.int(toDayNumber('2020-01-02'), toDayNumber('2020-03-31')))
    : fromDayNumber(r.int(toDayNumber('2020-04-01'), toDayNumber('2021-03-30')))
  return { selection: toSelection([...basics, ...enhanced.filter((c): c is string => c !== null)]), mode, acceptedOn }
}

function shaanxiRequest(r: Random): QuoteRequest {
  const acceptedOn = fromDayNumber(r.int(toDayNumber('2023-03-06'), toDayNumber('2024-03-05')))
  return { selection: toSelection(['ZY']), mode: r.chance(0.7) ? 'collective' : 'instant', acceptedOn }
}

function eventFor(r: Random, cover: Cover): ClaimEvent {
  const start = toDayNumber(cover.start)
  return {
    kind: r.pick(eventKinds),
    date: fromDayNumber(r.int(start - 20, toDayNumber(cover.end) + 20)),
    pooledOutOfPocketFen: r.int(0, 5_000_000),
    supplementaryOutOfPocketFen: r.int(0, 2_000_000),
    hospitalDays: r.int(1, 60),
    deductiblePaidFen: r.int(0, 200_000),
    inSitu: r.chance(0.2),
    femaleCancer: r.chance(0.2),
    disabilityGrade: r.int(1, 10),
  }
}

interface Member { catalogue: Catalogue; request: QuoteRequest; sex: 'M' | 'F' }
const mix: Member[] = Array.from({ length: members }, () => {
  const gig = random.chance(0.4)
  return { catalogue: gig ? shaanxi : shanghai, request: gig ? shaanxiRequest(random) : shanghaiRequest(random), sex: random.chance(0.5) ? 'M' : 'F' }
})

function timed<T>(label: string, count: number, run: () => T): T {
  const started = process.hrtime.bigint()
  const result = run()
  const seconds = Number(process.hrtime.bigint() - started) / 1e9
  console.log(`${label.padEnd(10)} ${count.toLocaleString('en')} in ${seconds.toFixed(3)} s = ${Math.round(count / seconds).toLocaleString('en')}/s`)
  return result
}

// Warm up the JIT on a slice, then measure the whole mix.
for (const m of mix.slice(0, 5000)) quote(m.catalogue, m.request)

const covers = timed('quotes', members, () => mix.map((m) => {
  const q = quote(m.catalogue, m.request)
  if (!q.ok) throw new Error(`generated an invalid selection: ${JSON.stringify(q.violations)}`)
  return coverOfQuote(q.value)
}))
const events = covers.map((c) => eventFor(random, c))
for (let i = 0; i < 5000; i++) computePayout(mix[i]!.catalogue, { covers: [covers[i]!], sex: mix[i]!.sex, event: events[i]! })
const paid = timed('payouts', members, () => {
  let total = 0
  for (let i = 0; i < members; i++) {
    total += computePayout(mix[i]!.catalogue, { covers: [covers[i]!], sex: mix[i]!.sex, event: events[i]! }).totalFen
  }
  return total
})
console.log(`(${members.toLocaleString('en')} members, payouts totalling ¥${(paid / 100).toLocaleString('en')}; targets: 200,000 quotes/s, 100,000 payouts/s)`)
