#!/usr/bin/env node
// The `local-cloud` command: loads the TypeScript sources through tsx and runs the CLI (see --help).
'use strict'
require('tsx/cjs')
require('../cli.ts').main()
