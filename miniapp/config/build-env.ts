/**
 * `taro build` without `--watch` is the production build whatever NODE_ENV the
 * shell has: Taro itself gives webpack `mode: production` then, but
 * babel-preset-taro reads NODE_ENV on its own (under `test` it compiles for the
 * running Node with CommonJS modules; under anything but `production` it adds
 * React Fast Refresh). So the config pins NODE_ENV for such a build, before
 * babel runs. A `--watch` build keeps the NODE_ENV Taro chose (`development`).
 */
export function pinBuildNodeEnv(argv: readonly string[], env: Record<string, string | undefined>): void {
  if (!argv.includes('--watch')) env.NODE_ENV = 'production'
}
