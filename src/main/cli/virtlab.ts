import { runCli } from './run-cli'

// `virtlab` on plain Node: bundled into one file, out/cli/virtlab.js, by scripts/build-cli.mjs
// (part of `npm run build`) and started by bin/virtlab.js with V8's code cache. No Electron here.
void runCli(process.argv.slice(2), {
  stdout: (text) => process.stdout.write(text),
  stderr: (text) => process.stderr.write(text),
}).then((code) => {
  process.exitCode = code
})
