import path from 'node:path'
import { defineConfig, type UserConfigExport } from '@tarojs/cli'
import { pinBuildNodeEnv } from './build-env'
import devConfig from './dev'
import prodConfig from './prod'

// Compiled from source; its package.json says `"sideEffects": false`, so a bundle holds only what the app uses of it.
const sharedDir = path.resolve(__dirname, '../../shared') + path.sep
const isZod = (file: string) => /[\\/]node_modules[\\/]zod[\\/]/.test(file)
// Only what no member page reaches: a module here that a member page also needs (the `ui` messages, the API
// contract's schemas, the member card's QR generator) would make every page load the whole staff chunk.
const staffOnly = [path.resolve(__dirname, '../src/staff') + path.sep]
const isStaffOnly = (file: string) =>
  staffOnly.some((prefix) => file.startsWith(prefix)) || /[\\/]node_modules[\\/](jsqr|tweetnacl|@antv)[\\/]/.test(file)
interface ChunkGraphLike {
  getModuleChunksIterable(module: unknown): Iterable<{ groupsIterable: Iterable<{ origins: { request?: string }[] }> }>
}
/**
 * Whether every page that loads the module is a staff page: each chunk holding it was requested as one of
 * the `staff` subpackage's pages (`./staff/…`). A shared module (a staff screen's messages, its part of the API
 * contract) then goes with the staff pages, not into the `engine` chunk every member page loads.
 */
function onlyStaffPagesLoad(module: unknown, chunkGraph: ChunkGraphLike): boolean {
  let pages = 0
  for (const chunk of chunkGraph.getModuleChunksIterable(module)) {
    for (const group of chunk.groupsIterable) {
      for (const origin of group.origins) {
        if (!origin.request?.startsWith('./staff/')) return false
        pages++
      }
    }
  }
  return pages > 0
}
const platform = process.env.TARO_ENV === 'weapp' ? 'weapp' : 'h5'

pinBuildNodeEnv(process.argv, process.env)

/**
 * Where the app sends API calls. H5 is served by the API server itself, so the
 * default is '' (same origin). The mini-program needs an absolute URL: set
 * TARO_APP_API_BASE (environment or a `.env.*` file); the default suits the
 * WeChat developer tools against a local `npm start` with domain checks off.
 */
const apiBase = process.env.TARO_APP_API_BASE ?? (platform === 'weapp' ? 'http://127.0.0.1:3000' : '')

/**
 * NutUI is designed at 375 px; our own styles at 750. Taro also copies this function's source, as
 * compiled for the config, into the mini-program's app.js (for `Taro.pxTransform`), where no compiler
 * helper exists: so nothing here may compile to one (`typeof` became `_type_of(…)`, which threw).
 */
function designWidth(input?: string | number | { file?: string }): number {
  const file = input === undefined || input === null ? '' : String((input as { file?: unknown }).file)
  return file.replace(/\\+/g, '/').indexOf('@nutui') >= 0 ? 375 : 750
}

export default defineConfig<'webpack5'>(async (merge) => {
  const baseConfig: UserConfigExport<'webpack5'> = {
    projectName: 'huzhu-miniapp',
    date: '2026-11-24',
    designWidth,
    deviceRatio: { 640: 2.34 / 2, 750: 1, 375: 2, 828: 1.81 / 2 },
    sourceRoot: 'src',
    outputRoot: `dist/${platform}`,
    plugins: [],
    env: { TARO_APP_API_BASE: JSON.stringify(apiBase) },
    framework: 'react',
    compiler: 'webpack5',
    cache: { enable: false },
    mini: {
      compile: { include: [sharedDir, isZod] },
      // Pages in different subpackages import NutUI components in different orders; the styles do not overlap.
      miniCssExtractPluginOption: { ignoreOrder: true },
      postcss: {
        pxtransform: { enable: true, config: {} },
        cssModules: { enable: false },
      },
    },
    h5: {
      publicPath: '/',
      staticDirectory: 'static',
      // Served at the site root. Do not set `basename: '/'`: Taro 4.2.1 hands it to UniversalRouter
      // as baseUrl '/', no route then matches and every page stays blank. No basename means the root.
      router: { mode: 'browser' },
      // No React Fast Refresh in `dev:h5` (neither react-refresh nor its webpack plugin is installed; see babel.config.js).
      devServer: { hot: false },
      compile: { include: [sharedDir] },
      output: {
        filename: 'js/[name].[contenthash:8].js',
        chunkFilename: 'js/[name].[contenthash:8].js',
      },
      miniCssExtractPluginOption: {
        ignoreOrder: true,
        filename: 'css/[name].[contenthash:8].css',
        chunkFilename: 'css/[name].[contenthash:8].css',
      },
      postcss: {
        autoprefixer: { enable: true, config: {} },
        cssModules: { enable: false },
      },
      webpackChain(chain) {
        // Pages load lazily, and by default what two pages share is copied into each page's chunk.
        // The shared engine and zod go into one async chunk, the rest pages share (NutUI, our
        // components) into another.
        const splitChunks = chain.optimization.get('splitChunks')
        chain.optimization.splitChunks({
          ...splitChunks,
          cacheGroups: {
            ...splitChunks.cacheGroups,
            engine: {
              name: 'engine',
              chunks: 'async',
              minChunks: 2,
              priority: 20,
              test: (module: { resource?: string }) =>
                module.resource !== undefined && (module.resource.startsWith(sharedDir) || isZod(module.resource)),
            },
            // What only the staff pages use (their code, strings, QR reading and drawing, card
            // signatures) goes into a chunk of its own, so member pages never load it.
            staff: {
              name: 'staff-common',
              chunks: 'async',
              minChunks: 2,
              priority: 30,
              test: (module: { resource?: string }, { chunkGraph }: { chunkGraph: ChunkGraphLike }) =>
                (module.resource !== undefined && isStaffOnly(module.resource)) || onlyStaffPagesLoad(module, chunkGraph),
            },
            pagesCommon: {
              name: 'pages-common',
              chunks: 'async',
              minChunks: 2,
              priority: 5,
            },
          },
        })
      },
    },
  }
  return merge({}, baseConfig, process.env.NODE_ENV === 'development' ? devConfig : prodConfig)
})
