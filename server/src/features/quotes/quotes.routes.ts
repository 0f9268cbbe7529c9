import { payoutEstimateRequestSchema, payoutEstimateResponseSchema, quoteRequestSchema, quoteResponseSchema } from '@huzhu/shared'
import { defineRoute } from '../../http/route'
import { presentPayout, presentQuote } from './quotes.presenter'
import { estimatePayout, quoteSelection } from './quotes.service'

const tags = ['quotes']

export const createQuote = defineRoute({
  method: 'post', path: '/api/v1/quotes', operationId: 'createQuote', tags, access: 'public',
  summary: 'Quote a selection: cover dates, premium lines, and per category the day cover begins',
  request: { body: quoteRequestSchema },
  responses: { 200: { description: 'The quote', schema: quoteResponseSchema } },
  errors: [422],
  handler(ctx) {
    ctx.body = presentQuote(quoteSelection(ctx.deps.catalogues, ctx.input.body).quote)
  },
})

export const createPayoutEstimate = defineRoute({
  method: 'post', path: '/api/v1/payout-estimates', operationId: 'createPayoutEstimate', tags, access: 'public',
  summary: 'Estimate the payout of an event under a selection (理赔试算), line by line',
  request: { body: payoutEstimateRequestSchema },
  responses: { 200: { description: 'The estimate', schema: payoutEstimateResponseSchema } },
  errors: [422],
  handler(ctx) {
    ctx.body = presentPayout(estimatePayout(ctx.deps.catalogues, ctx.input.body))
  },
})

export const quoteRoutes = [createQuote, createPayoutEstimate]
