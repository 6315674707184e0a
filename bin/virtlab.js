#!/usr/bin/env node
// The `virtlab` command: runs the CLI built by `npm run build` on plain Node (no Electron).
require('../out/main/cli.js')
