/**
 * Bundle sizes against the mini-app's budgets: the weapp main package and each
 * subpackage (from miniapp/dist/weapp), and the JavaScript the H5 first screen
 * loads in Chromium, gzipped (the H5 build served by the real server).
 * Run after `npm run build`: `npm run bench:sizes`.
 */
import { launchChromium, phoneContext } from '../e2e/browser'
import { startServer } from '../e2e/server-process'
import { budgets, firstScreenJs, kib, weappSizes } from '../lib/bundle-sizes'

async function main(): Promise<void> {
  const weapp = weappSizes()
  console.log(`weapp main package: ${kib(weapp.mainBytes)} (budget ${kib(budgets.weappMainBytes)})`)
  for (const [root, bytes] of Object.entries(weapp.subpackages)) {
    console.log(`weapp subpackage ${root}: ${kib(bytes)} (budget ${kib(budgets.weappSubpackageBytes)})`)
  }
  const server = await startServer()
  const browser = await launchChromium()
  try {
    const page = await (await phoneContext(browser, server.baseUrl)).newPage()
    const js = await firstScreenJs(page, '/')
    for (const f of js.files) console.log(`  ${f.url.replace(server.baseUrl, '')}: ${kib(f.bytes)}, gzip ${kib(f.gzipBytes)}`)
    console.log(`H5 first screen JS, gzipped: ${kib(js.gzipBytes)} (budget ${kib(budgets.h5FirstScreenGzipJsBytes)})`)
  } finally {
    await browser.close()
    await server.stop()
  }
}

main().catch((error: unknown) => {
  console.error(error)
  process.exit(1)
})
