import { createApiClient } from './client'

/** The app's API client. The base URL is set at build time (config/index.ts, `TARO_APP_API_BASE`). */
export const api = createApiClient({ baseUrl: process.env.TARO_APP_API_BASE ?? '' })
