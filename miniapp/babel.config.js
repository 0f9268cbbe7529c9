// babel-preset-taro options: https://docs.taro.zone/docs/next/babel-config
// Under jest (NODE_ENV=test) the same preset targets the running Node and emits CommonJS,
// and NutUI components are imported without their styles (jsdom cannot use them).
const isTest = process.env.NODE_ENV === 'test'

module.exports = {
  presets: [
    ['taro', { framework: 'react', ts: true, compiler: 'webpack5', ...(isTest ? { modules: 'commonjs' } : {}) }],
  ],
  plugins: [
    [
      'import',
      {
        libraryName: '@nutui/nutui-react-taro',
        libraryDirectory: 'dist/es/packages',
        camel2DashComponentName: false,
        customName: (name) => `@nutui/nutui-react-taro/dist/es/packages/${name.toLowerCase()}`,
        style: isTest ? false : (name) => `${name}/style/css`,
      },
      'nutui-react-taro',
    ],
  ],
}
