/**
 * The production build: the server and its command-line tools compiled to JavaScript
 * (`dist/main.mjs`, `dist/roster.mjs`, `dist/create-admin.mjs`, `dist/backup.mjs`), run with plain `node`.
 *
 * The project's own TypeScript (this package and `@huzhu/shared`, whose catalogues and
 * calendars are JSON imported by the code) is bundled; every npm package stays an
 * import of `node_modules`, so native addons (sqlite3) and packages that read their own
 * files keep working. Source maps point stack traces at the TypeScript.
 */
import { build } from 'esbuild'
import { rmSync } from 'node:fs'
import { dirname, join } from 'node:path'
import { fileURLToPath } from 'node:url'

const here = dirname(fileURLToPath(import.meta.url))
const outdir = join(here, 'dist')

/** Packages from npm are loaded at run time; the workspace's own `@huzhu/*` code is compiled in. */
const npmPackagesStayExternal = {
  name: 'npm-packages-external',
  setup(b) {
    b.onResolve({ filter: /^[^./]/ }, (args) => {
      if (args.path.startsWith('@huzhu/') || args.path.startsWith('node:')) return undefined
      return { path: args.path, external: true }
    })
  },
}

rmSync(outdir, { recursive: true, force: true })
await build({
  entryPoints: {
    main: join(here, 'src/main.ts'),
    roster: join(here, 'src/cli/roster.ts'),
    'create-admin': join(here, 'src/cli/create-admin.ts'),
    backup: join(here, 'src/cli/backup.ts'),
  },
  outdir,
  outExtension: { '.js': '.mjs' },
  bundle: true,
  splitting: true,
  format: 'esm',
  platform: 'node',
  target: 'node20',
  sourcemap: true,
  legalComments: 'none',
  logLevel: 'warning',
  plugins: [npmPackagesStayExternal],
  // Bundled CommonJS (tweetnacl in @huzhu/shared) may call require(); give ESM one.
  banner: { js: "import { createRequire as __huzhuCreateRequire } from 'node:module'; const require = __huzhuCreateRequire(import.meta.url);" },
})
console.log(`server built into ${outdir}`)
