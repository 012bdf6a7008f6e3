/**
 * Tests write only under the run's temp folder (tests/global-setup.ts), so `npm test` leaves the system temp
 * folder as it found it. That rests on vitest handing the env set in global setup to its fork workers, and
 * on the workers' children inheriting it: both checked here rather than assumed.
 */
import { describe, expect, it, inject } from 'vitest';
import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname } from 'node:path';
import { tempDir } from '../helpers.js';

describe('temp folder of a test run', () => {
  const runTmp = inject('runTmp');

  it('is a fresh folder inside the system temp folder (on Linux, the RAM disk)', () => {
    expect(existsSync(runTmp)).toBe(true);
    expect(dirname(runTmp)).toBe(inject('runBase'));
    expect(runTmp).not.toBe(inject('systemTmp'));
  });

  it('is what os.tmpdir() gives in a worker and in the processes a worker starts', () => {
    expect(tmpdir()).toBe(runTmp);
    const child = execFileSync(process.execPath, ['-e', 'process.stdout.write(require("node:os").tmpdir())'], { encoding: 'utf8' });
    expect(child).toBe(runTmp);
  });

  it('holds the folders tempDir makes', () => {
    expect(dirname(tempDir())).toBe(runTmp);
  });
});
