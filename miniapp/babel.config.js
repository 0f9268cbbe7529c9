// babel-preset-taro options: https://docs.taro.zone/docs/next/babel-config
// The app builds the same whatever NODE_ENV the shell has. Only under jest (babel-jest, whatever NODE_ENV)
// does the preset target the running Node and emit CommonJS, with NutUI components imported without their
// styles (jsdom cannot use them). `hot: false`: no React Fast Refresh (react-refresh is not installed; the
// preset would require it for any H5 build whose NODE_ENV is not production).
module.exports = (api) => {
  const isJest = api.caller((caller) => caller?.name === 'babel-jest')

  return {
    presets: [
      ['taro', { framework: 'react', ts: true, compiler: 'webpack5', hot: false, ...(isJest ? { modules: 'commonjs' } : {}) }],
    ],
    plugins: [
      [
        'import',
        {
          libraryName: '@nutui/nutui-react-taro',
          libraryDirectory: 'dist/es/packages',
          camel2DashComponentName: false,
          customName: (name) => `@nutui/nutui-react-taro/dist/es/packages/${name.toLowerCase()}`,
          style: isJest ? false : (name) => `${name}/style/css`,
        },
        'nutui-react-taro',
      ],
    ],
  }
}
