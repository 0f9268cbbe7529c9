import type { UserConfigExport } from '@tarojs/cli'

/** Production builds keep Taro's defaults: minified, no source maps. */
export default {} satisfies UserConfigExport<'webpack5'>
