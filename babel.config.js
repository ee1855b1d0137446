// babel-preset-taro options (https://docs.taro.zone/docs/next/babel-config), for tools that read the
// project's babel config. The builds transpile with esbuild instead (config/build.ts): this preset's
// React support needs @babel/preset-react, which is not among the project's dependencies.
module.exports = {
  presets: [['taro', { framework: 'react', ts: true, compiler: 'webpack5' }]]
}
