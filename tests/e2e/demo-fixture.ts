/**
 * A demo municipality made once per test run and copied into each test's data folder: several browser tests start
 * from the same schools (the same size, seed and day), and making them goes through every school's real export and
 * import. The first test to ask makes it (the others, in other workers, wait for it); each test then works on its
 * own copy, so none sees another's changes.
 */
import { cpSync, existsSync, mkdirSync, renameSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { openWorkspaceFile } from '../../main/cli/workspace-file.js';
import { generateMunicipalityDemo } from '../../main/services/municipality/demo.js';
import { tempDir } from '../helpers.js';

/** A fresh data folder holding `opora.sqlite` of a demo municipality of `schools` schools. */
export async function demoMunicipalityDir(opts: { schools: number; seed: number; now: () => Date }): Promise<string> {
  const made = join(tmpdir(), `opora-fixture-mun-${opts.schools}-${opts.seed}-${opts.now().getTime()}`);
  if (!existsSync(made)) {
    let mine = false;
    try {
      mkdirSync(`${made}.lock`);
      mine = true;
    } catch {
      // Another worker is making it.
    }
    if (mine) {
      const building = `${made}.building`;
      rmSync(building, { recursive: true, force: true });
      mkdirSync(building);
      const w = openWorkspaceFile(join(building, 'opora.sqlite'), opts.now);
      try {
        await generateMunicipalityDemo(w.ctx, { schools: opts.schools, seed: opts.seed });
      } finally {
        w.close();
      }
      renameSync(building, made);
    } else {
      for (let waited = 0; !existsSync(made); waited += 250) {
        if (waited > 300_000) throw new Error(`демо-муниципалитет ${made} не появился за 5 минут`);
        await sleep(250);
      }
    }
  }
  const dataDir = tempDir('opora-e2e-mun-');
  cpSync(made, dataDir, { recursive: true });
  return dataDir;
}
