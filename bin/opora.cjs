#!/usr/bin/env node
// The `opora` command: the bundled CLI (npm run build:node makes dist/cli.cjs).
require('../dist/cli.cjs');
