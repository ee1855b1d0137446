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

const appAlias = { ...contractAlias, '^@/(.*)$': '<rootDir>/src/$1' }

// The app's components in jsdom. Scripts go through esbuild (see test/components/esbuild-transform.js);
// @tarojs/taro and @tarojs/components are test doubles, so the app runs its h5 branch against a
// stubbed fetch.
const components = {
  displayName: 'components',
  rootDir: __dirname,
  testEnvironment: 'jsdom',
  testMatch: ['<rootDir>/src/**/*.test.tsx', '<rootDir>/test/components/**/*.test.{ts,tsx}'],
  testPathIgnorePatterns: ['/node_modules/', '/dist/', '/dist-h5/'],
  // `<name>.h5.tsx` first, as Taro's h5 build picks it (the components project runs the h5 branch).
  moduleFileExtensions: ['h5.tsx', 'tsx', 'ts', 'js', 'jsx', 'mjs', 'json'],
  transform: { '^.+\\.(tsx?|jsx?|mjs)$': '<rootDir>/test/components/esbuild-transform.js' },
  transformIgnorePatterns: ['/node_modules/(?!(@nutui|@tarojs)/)'],
  moduleNameMapper: {
    ...appAlias,
    '^@tarojs/taro$': '<rootDir>/test/components/taro.ts',
    '^@tarojs/components$': '<rootDir>/test/components/taro-components.tsx',
    '\\.(css|scss)$': 'identity-obj-proxy'
  },
  resolver: '<rootDir>/test/components/resolver.js',
  setupFilesAfterEnv: ['<rootDir>/test/components/setup.ts']
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
    node(
      'unit',
      [
        '<rootDir>/types/**/*.test.ts',
        '<rootDir>/cloudfunctions/**/*.test.ts',
        '<rootDir>/local-cloud/**/*.test.ts',
        '<rootDir>/demo/**/*.test.ts',
        '<rootDir>/scripts/**/*.test.ts',
        '<rootDir>/config/**/*.test.ts',
        '<rootDir>/src/**/*.test.ts'
      ],
      { moduleNameMapper: appAlias }
    ),
    node('local-cloud', ['<rootDir>/test/local-cloud/**/*.test.ts']),
    node('functions', ['<rootDir>/test/functions/**/*.test.ts'], {
      globalSetup: '<rootDir>/test/support/build-functions.setup.ts'
    }),
    // Cross-cutting proof: authorization matrix, fuzzing, concurrency soak, crash safety, privacy audit.
    node('hardening', ['<rootDir>/test/hardening/**/*.test.ts'], {
      globalSetup: '<rootDir>/test/support/build-functions.setup.ts'
    }),
    components,
    node('simulate', ['<rootDir>/test/simulate/**/*.test.ts'], {
      testEnvironment: 'jsdom',
      moduleNameMapper: appAlias
    }),
    node('e2e', ['<rootDir>/test/e2e/**/*.test.ts'], {
      moduleNameMapper: appAlias,
      globalSetup: '<rootDir>/test/support/build-functions.setup.ts'
    })
  ]
}
