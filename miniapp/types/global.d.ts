/// <reference types="@tarojs/taro" />

declare module '*.scss'

declare namespace NodeJS {
  interface ProcessEnv {
    /** Base URL of the API ('' for the same origin): set in config/index.ts, replaced at build time. */
    TARO_APP_API_BASE?: string
  }
}
