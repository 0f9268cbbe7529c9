import { z } from 'zod'
import { idPattern } from '../../ids'

export const eventParamsSchema = z.object({
  eventId: z.string().regex(idPattern('evt'), { message: 'field_invalid' }).describe('event id, evt_…'),
})
export const eventCodeParamsSchema = z.object({
  code: z.string().regex(/^[0-9A-Za-z]{4,16}$/, { message: 'field_invalid' }).describe('the event’s short code from its QR code'),
})
