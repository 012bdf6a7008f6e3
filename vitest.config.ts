import { defineConfig } from 'vitest/config';
import LongFirst from './tests/sequencer';

/**
 * Test files run in parallel worker processes (vitest's default on two cores is one): the browser walks spend
 * much of their time waiting for Chromium, the unit files for the disk, so three workers keep two cores busy.
 * OPORA_TEST_WORKERS overrides it (e.g. 1 to read one file's output in order).
 *
 * Files share their worker's module cache (`isolate: false`): each worker imports the app once instead of once per
 * file (≈200 s of a 15-minute run went to imports). Tests therefore leave no global state behind — a test that
 * changes process.env restores it, and the one that replaces `electron` by a stand-in (shell-smoke) is the only
 * importer of `electron` here.
 */
const workers = Number(process.env.OPORA_TEST_WORKERS) || 3;

export default defineConfig({
  test: {
    include: ['tests/**/*.test.ts'],
    pool: 'forks',
    maxWorkers: workers,
    isolate: false,
    // Three workers share two cores, so a test may take twice what it takes alone.
    testTimeout: 60_000,
    // A screen polled after a click (a page's script and data on their way, two cores shared by three files and their
    // browsers) may take more than vitest's default second to show; a poll that will never succeed still fails.
    expect: { poll: { timeout: 10_000 } },
    hookTimeout: 120_000,
    globalSetup: ['tests/global-setup.ts'],
    // The long files first (tests/sequencer.ts): on a clean clone vitest would start them last.
    sequence: { sequencer: LongFirst },
  },
});
