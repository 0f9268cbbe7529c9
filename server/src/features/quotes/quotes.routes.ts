import { endpoints } from '@huzhu/shared'
import { defineRoute } from '../../http/route'
import { presentPayout, presentQuote } from './quotes.presenter'
import { estimatePayout, quoteSelection } from './quotes.service'

const tags = ['quotes']

export const createQuote = defineRoute({
  endpoint: endpoints.quotes.createQuote, tags, access: 'public',
  summary: 'Quote a selection: cover dates, premium lines, and per category the day cover begins',
  responses: { 200: { description: 'The quote' } },
  errors: [422],
  handler(ctx) {
    ctx.body = presentQuote(quoteSelection(ctx.deps.catalogues, ctx.input.body).quote)
  },
})

export const createPayoutEstimate = defineRoute({
  endpoint: endpoints.quotes.createPayoutEstimate, tags, access: 'public',
  summary: 'Estimate the payout of an event under a selection (理赔试算), line by line',
  responses: { 200: { description: 'The estimate' } },
  errors: [422],
  handler(ctx) {
    ctx.body = presentPayout(estimatePayout(ctx.deps.catalogues, ctx.input.body))
  },
})

export const quoteRoutes = [createQuote, createPayoutEstimate]
