/**
 * Once per run: one temp folder for everything the run writes, and the bundles the tests run against.
 *
 * TMPDIR/TEMP/TMP point into the run folder before any worker starts: vitest forks its workers with a copy
 * of process.env taken after this setup (tests/unit/temp-folder.test.ts checks it), and every child they
 * spawn (the CLI, the web host, Chromium, playwright's profile and artifacts, tsx's cache) inherits it.
 * Removing that one folder at the end therefore leaves the system temp folder as the run found it.
 */
import { execFileSync } from 'node:child_process';
import { accessSync, constants, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { TestProject } from 'vitest/node';

declare module 'vitest' {
  export interface ProvidedContext {
    /** The run's temp folder, which os.tmpdir() returns in the workers. */
    runTmp: string;
    /** The system temp folder the run started with. */
    systemTmp: string;
    /** Where the run folder was made: the system temp folder, or a RAM disk (runBase). */
    runBase: string;
  }
}

const TMP_VARS = ['TMPDIR', 'TEMP', 'TMP'] as const;

export default function setup(project: TestProject) {
  const systemTmp = tmpdir();
  const before = new Set(readdirSync(systemTmp));
  const runTmp = mkdtempSync(join(runBase(systemTmp), 'opora-test-run-'));
  const saved = TMP_VARS.map((k) => [k, process.env[k]] as const);
  for (const k of TMP_VARS) process.env[k] = runTmp;
  project.provide('runTmp', runTmp);
  project.provide('systemTmp', systemTmp);
  project.provide('runBase', runBase(systemTmp));

  if (!process.env.OPORA_SKIP_BUILD) {
    // vitest sets NODE_ENV=test, which would make Vite bundle React's development build.
    execFileSync('npm', ['run', '-s', 'build:test'], { stdio: 'inherit', env: { ...process.env, NODE_ENV: 'production', OPORA_QUIET_BUILD: '1' } });
  }

  return () => {
    for (const [k, v] of saved) {
      if (v === undefined) delete process.env[k];
      else process.env[k] = v;
    }
    rmSync(runTmp, { recursive: true, force: true, maxRetries: 3 });
    warnAboutLeftovers(systemTmp, before);
  };
}

/**
 * On Linux the run's files go to the RAM disk every distribution mounts at /dev/shm: the suite makes about a
 * thousand databases, and each commit and close waits for the disk (fsync) — a third of a unit run on this
 * machine. OPORA_TEST_TMP names another place; elsewhere (or if /dev/shm is not writable) the system temp folder.
 */
function runBase(systemTmp: string): string {
  const wanted = process.env.OPORA_TEST_TMP ?? (process.platform === 'linux' ? '/dev/shm' : '');
  if (!wanted) return systemTmp;
  try {
    accessSync(wanted, constants.W_OK);
    return wanted;
  } catch {
    return systemTmp;
  }
}

/**
 * Something that ignores TMPDIR (a hard-coded /tmp, a tool with its own idea) would leave files behind again.
 * Only a warning: other programs on the machine, another checkout's test run among them, may write there at
 * the same time, and a run must not fail for what it did not do.
 */
function warnAboutLeftovers(systemTmp: string, before: Set<string>) {
  const ours = /^(opora-|playwright|\.org\.chromium\.|tsx-)/;
  const appeared = readdirSync(systemTmp).filter((f) => !before.has(f) && ours.test(f));
  if (!appeared.length) return;
  const shown = appeared.slice(0, 20).join(', ') + (appeared.length > 20 ? ` … (+${appeared.length - 20})` : '');
  console.warn(
    `\n⚠ Во временной папке ${systemTmp} появилось во время прогона (возможно, не от этих тестов): ${shown}\n` +
      `⚠ New in ${systemTmp} during the run (maybe another process's): ${shown}\n`,
  );
}
