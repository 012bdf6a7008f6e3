/** Builds what the tests run against (the renderer bundle, the node bundles for the CLI) once per run. */
import { execFileSync } from 'node:child_process';

export default function setup() {
  if (process.env.OPORA_SKIP_BUILD) return;
  execFileSync('npm', ['run', '-s', 'build:test'], { stdio: 'inherit' });
}
