// Lint gates run by `npm test`: typescript-eslint, react-hooks, import rules, and the codebase's boundaries
// (docs/architecture.md): a cloud function imports only its own folder, `_shared/` and `types/`; `local-cloud/`
// imports nothing of the product. Formatting is Prettier's (`npm run format`), so no formatting rules here.
import js from '@eslint/js'
import prettier from 'eslint-config-prettier'
import { createTypeScriptImportResolver } from 'eslint-import-resolver-typescript'
import importX from 'eslint-plugin-import-x'
import reactHooks from 'eslint-plugin-react-hooks'
import globals from 'globals'
import tseslint from 'typescript-eslint'

const FUNCTIONS = ['user', 'lifeCircle', 'party', 'wish', 'volunteer', 'points', 'workbench']

/** A disable comment must say why on the same line: `// eslint-disable-line rule -- reason`. */
const explainedDisables = {
  meta: { type: 'problem', schema: [], messages: { why: 'Say why on the same line: `eslint-disable… rule -- reason`.' } },
  create(context) {
    return {
      Program() {
        for (const comment of context.sourceCode.getAllComments()) {
          const text = comment.value.trim()
          if (/^eslint-disable/.test(text) && !/\s--\s+\S/.test(text)) context.report({ loc: comment.loc, messageId: 'why' })
        }
      }
    }
  }
}

/** Each function may not import another function's folder. */
const functionZones = FUNCTIONS.map((fn) => ({
  target: `./cloudfunctions/${fn}`,
  from: './cloudfunctions',
  except: [`./${fn}`, './_shared'],
  message: 'A cloud function imports only its own folder, _shared/ and types/.'
}))

/** Who may import whom. Tests beside a module may also use the local cloud's query engine. */
function boundaries({ test }) {
  return [
    ...functionZones,
    {
      target: './cloudfunctions',
      from: ['./src', './test', './demo', ...(test ? [] : ['./local-cloud'])],
      message: 'Cloud functions are deployed alone: they import only cloudfunctions/, types/ and the database declaration.'
    },
    {
      target: './cloudfunctions',
      from: './config',
      except: ['./database.ts'],
      message: 'Of config/, functions use only the database declaration.'
    },
    {
      target: './local-cloud',
      from: ['./cloudfunctions', './src', './config', './types', './demo', './test'],
      message: 'local-cloud/ knows no product: what it serves is given to it.'
    },
    {
      target: './types',
      from: ['./src', './cloudfunctions', './local-cloud', './demo', './test', './config'],
      message: 'The contract imports nothing of the layers that use it.'
    },
    {
      target: './src',
      from: ['./cloudfunctions', './local-cloud', './demo'],
      message: 'The app talks to functions through the contract in types/, never their code.'
    }
  ]
}

export default tseslint.config(
  {
    ignores: [
      '**/node_modules/**',
      'dist/**',
      'dist-h5/**',
      'coverage/**',
      '.data/**',
      'cloudfunctions/*/index.js',
      'local-cloud/dist/**',
      'test/fixtures/empty-app/dist/**',
      'test/fixtures/empty-app/dist-h5/**',
      '**/*.cjs'
    ]
  },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    linterOptions: { reportUnusedDisableDirectives: 'error' },
    languageOptions: { globals: { ...globals.node, ...globals.browser, ...globals.jest } },
    plugins: { 'import-x': importX, local: { rules: { 'explained-disables': explainedDisables } } },
    settings: {
      'import-x/resolver-next': [createTypeScriptImportResolver({ project: './tsconfig.json' })]
    },
    rules: {
      'local/explained-disables': 'error',
      // Error's `cause` option is ES2022; the app's runtimes (and so tsconfig's lib) stop at ES2021.
      'preserve-caught-error': 'off',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_', caughtErrors: 'none' }],
      '@typescript-eslint/consistent-type-imports': ['error', { fixStyle: 'inline-type-imports' }],
      'import-x/no-duplicates': ['error', { 'prefer-inline': true }],
      'import-x/no-self-import': 'error',
      'import-x/no-useless-path-segments': 'error',
      'import-x/no-restricted-paths': ['error', { zones: boundaries({ test: false }) }]
    }
  },
  {
    // The function template (docs/architecture.md): repo.ts is a function's only database access, domain/ is pure.
    files: ['cloudfunctions/*/src/{handlers,domain}/**/*.ts', 'cloudfunctions/*/src/{index,views,docs}.ts'],
    rules: {
      '@typescript-eslint/no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              group: ['**/_shared/infra/db', '**/_shared/infra/cloud', 'wx-server-sdk'],
              message: "Only the function's repo.ts touches the database."
            }
          ]
        }
      ]
    }
  },
  {
    files: ['cloudfunctions/**/domain/**/*.ts'],
    ignores: ['**/*.test.ts'],
    rules: {
      '@typescript-eslint/no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              group: [
                '**/_shared/infra/db',
                '**/_shared/infra/cloud',
                '**/_shared/infra/notify',
                '**/_shared/infra/ledger',
                '**/_shared/infra/assessment',
                '**/_shared/infra/communities',
                '**/_shared/infra/coverage',
                'wx-server-sdk'
              ],
              allowTypeImports: true,
              message: 'domain/ holds pure rules: no I/O.'
            }
          ]
        }
      ]
    }
  },
  {
    files: ['src/**/*.{ts,tsx}'],
    plugins: { 'react-hooks': reactHooks },
    rules: {
      'react-hooks/rules-of-hooks': 'error',
      'react-hooks/exhaustive-deps': 'error'
    }
  },
  {
    // Tests probe untyped wire answers (raw SDK results, fuzzed payloads); the contract types the rest.
    // They also load the SDK, built bundles and fixtures with require() after pointing the environment at them.
    files: ['test/**', '**/*.test.{ts,tsx}'],
    rules: {
      '@typescript-eslint/no-explicit-any': 'off',
      '@typescript-eslint/no-require-imports': 'off',
      '@typescript-eslint/consistent-type-imports': ['error', { fixStyle: 'inline-type-imports', disallowTypeAnnotations: false }],
      'import-x/no-restricted-paths': ['error', { zones: boundaries({ test: true }) }]
    }
  },
  {
    files: ['**/*.js', '**/*.mjs'],
    rules: { '@typescript-eslint/no-require-imports': 'off' }
  },
  prettier
)
