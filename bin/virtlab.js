#!/usr/bin/env node
// The `virtlab` command: runs the one-file CLI bundle built by `npm run build` (out/cli/virtlab.js)
// on plain Node (no Electron), with V8's compiled code kept between runs, so that a start costs
// little more than a bare `node`:
//  - Node ≥ 22.1: Node's own compile cache (module.enableCompileCache);
//  - older Node: the same idea by hand for this one file — vm.Script with cachedData, written
//    beside the bundle after a command's first run (V8 rejects a cache from another version or source;
//    it is then rewritten). A cache that cannot be read or written is simply not used.
'use strict'
const fs = require('node:fs')
const path = require('node:path')
const Module = require('node:module')

const bundle = path.join(__dirname, '../out/cli/virtlab.js')
if (!fs.existsSync(bundle)) {
  process.stderr.write('virtlab: out/cli/virtlab.js is missing — run `npm run build` first.\n')
  process.exit(2)
}

if (typeof Module.enableCompileCache === 'function') {
  try {
    Module.enableCompileCache(path.join(__dirname, '../out/cli/.compile-cache'))
  } catch {
    /* no cache: a slower start, nothing else */
  }
  require(bundle)
} else {
  // One cache per command: each holds the functions its own runs compile.
  const command = ['check', 'report', 'class'].includes(process.argv[2]) ? process.argv[2] : 'other'
  runWithCodeCache(bundle, `${bundle}.${command}.v8cache`)
}

function runWithCodeCache(file, cacheFile) {
  const vm = require('node:vm')
  const source = fs.readFileSync(file, 'utf8')
  let cachedData
  try {
    cachedData = fs.readFileSync(cacheFile)
  } catch {
    cachedData = undefined
  }
  const script = new vm.Script(Module.wrap(source), { filename: file, cachedData })
  const mod = new Module(file, module)
  mod.filename = file
  mod.paths = Module._nodeModulePaths(path.dirname(file))
  mod.loaded = true
  if (cachedData === undefined || script.cachedDataRejected) {
    // After the run, so the functions this run compiled are in the cache too.
    process.once('exit', () => {
      try {
        fs.writeFileSync(cacheFile, script.createCachedData())
      } catch {
        /* read-only install: no cache */
      }
    })
  }
  script.runInThisContext().call(mod.exports, mod.exports, Module.createRequire(file), mod, file, path.dirname(file))
}
