/** Builds what the tests run against (the renderer bundle, the node bundles for the CLI) once per run. */
import { execFileSync } from 'node:child_process';

export default function setup() {
  if (process.env.OPORA_SKIP_BUILD) return;
  // vitest sets NODE_ENV=test, which would make Vite bundle React's development build.
  execFileSync('npm', ['run', '-s', 'build:test'], { stdio: 'inherit', env: { ...process.env, NODE_ENV: 'production' } });
}
