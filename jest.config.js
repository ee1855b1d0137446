// Jest projects: unit (pure modules, next to their code), local-cloud (conformance of the local cloud
// through the real wx-server-sdk), functions (cloud functions through the local cloud), components
// (jsdom), simulate (built weapp pages in miniprogram-simulate), e2e (h5 build in Chromium).
const nodeBabel = [
  'babel-jest',
  {
    babelrc: false,
    configFile: false,
    presets: [['@babel/preset-env', { targets: { node: 'current' } }], '@babel/preset-typescript']
  }
]

const contractAlias = {
  '^@contract$': '<rootDir>/types/index.ts',
  '^@contract/(.*)$': '<rootDir>/types/$1'
}

const node = (displayName, testMatch, extra = {}) => ({
  displayName,
  rootDir: __dirname,
  testEnvironment: 'node',
  testMatch,
  transform: { '^.+\\.[tj]sx?$': nodeBabel },
  moduleNameMapper: contractAlias,
  testPathIgnorePatterns: ['/node_modules/', '/dist/', '/dist-h5/'],
  ...extra
})

module.exports = {
  testTimeout: 60_000,
  projects: [
    node('unit', [
      '<rootDir>/types/**/*.test.ts',
      '<rootDir>/cloudfunctions/**/*.test.ts',
      '<rootDir>/local-cloud/**/*.test.ts',
      '<rootDir>/scripts/**/*.test.ts',
      '<rootDir>/src/**/*.test.ts'
    ]),
    node('local-cloud', ['<rootDir>/test/local-cloud/**/*.test.ts']),
    node('functions', ['<rootDir>/test/functions/**/*.test.ts'], {
      globalSetup: '<rootDir>/test/support/build-functions.setup.ts'
    })
    // components, simulate and e2e projects are added with the app shell.
  ]
}
