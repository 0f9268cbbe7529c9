import { calendarOverviewSchema, calendarYearRequestSchema, calendarYearSavedSchema, calendarYearSchema } from '../calendar'
import { endpoint } from './endpoint'

export const calendarEndpoints = {
  getCalendarOverview: endpoint({ method: 'get', path: '/api/v1/calendar', operationId: 'getCalendarOverview', response: calendarOverviewSchema }),
  getCalendarYear: endpoint({ method: 'get', path: '/api/v1/calendar/:year', operationId: 'getCalendarYear', response: calendarYearSchema }),
  putCalendarYear: endpoint({ method: 'put', path: '/api/v1/calendar/:year', operationId: 'putCalendarYear', body: calendarYearRequestSchema, response: calendarYearSavedSchema }),
} as const
