import { runCli } from './run-cli'

// `virtlab` on plain Node (bin/virtlab.js after `npm run build`). No Electron here.
void runCli(process.argv.slice(2), {
  stdout: (text) => process.stdout.write(text),
  stderr: (text) => process.stderr.write(text),
}).then((code) => {
  process.exitCode = code
})
