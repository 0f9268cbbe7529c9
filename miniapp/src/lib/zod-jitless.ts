import { config } from 'zod/v4/core'

/**
 * zod decides, as each object schema is made, whether to compile its parser with
 * `new Function`, probing first whether eval is allowed. The H5 app's
 * Content-Security-Policy forbids eval (the probe alone is a reported violation),
 * and so does WeChat: parse without compiling. Imported first by app.ts.
 */
config({ jitless: true })
