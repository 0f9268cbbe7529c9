import { z } from 'zod'
import { idPattern } from '../../ids'

export const notificationListQuerySchema = z.object({
  before: z.string().regex(idPattern('ntf'), { message: 'field_invalid' }).optional().describe('page: messages older than this id (the previous page’s nextBefore)'),
  limit: z.coerce.number().int().min(1).max(100).default(20),
})
