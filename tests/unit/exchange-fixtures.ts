/** Shared set-ups for the exchange tests: real SQLite files and real bundle files in a temp folder. */
import { join } from 'node:path';
import { readdirSync } from 'node:fs';
import { tempDir } from '../helpers.js';
import { openWorkspaceFile, type OpenWorkspace } from '../../main/cli/workspace-file.js';
import { initMunicipality } from '../../main/services/core/municipality-profile.js';
import { generateDemo } from '../../main/services/school/demo.js';
import { enrollSchool, openEnrollment, exportToFolder, importFile, ensureIdentity, type ImportOutcome } from '../../main/services/exchange/index.js';
import { buildContainer, type EntryInput } from '../../main/services/exchange/container.js';
import { APP_VERSION } from '../../main/services/exchange/export.js';
import { LATEST_VERSION } from '../../db/migrations/index.js';
import { currentRoadmap, saveRoadmap, saveRoadmapActivity } from '../../main/services/municipality/roadmap.js';
import { roadmapInput, roadmapActivityInput } from '../../preload/contract/municipality.js';
import type { ServiceContext } from '../../main/services/core/context.js';
import type { z } from 'zod';

/** A clock the test moves by hand. */
export function testClock(start = '2026-11-25T10:00:00Z') {
  let t = new Date(start).getTime();
  return {
    now: () => new Date(t),
    set: (iso: string) => { t = new Date(iso).getTime(); },
    tick: (ms = 60_000) => { t += ms; },
  };
}

export interface Pair {
  dir: string;
  clock: ReturnType<typeof testClock>;
  muni: OpenWorkspace;
  school: OpenWorkspace;
  muniId: string;
  schoolId: string;
  /** Writes the school's bundle to a fresh folder and returns its path. */
  exportSchool(): string;
  exportMuni(forSchool?: string): string[];
  importToMuni(path: string, dryRun?: boolean): ImportOutcome;
  importToSchool(path: string, dryRun?: boolean): ImportOutcome;
  close(): void;
}

let n = 0;

export function makePair(opts: { demo?: 'small' | 'large' | null; seed?: number; dir?: string } = {}): Pair {
  const dir = opts.dir ?? tempDir('opora-exchange-');
  const clock = testClock();
  const muni = openWorkspaceFile(join(dir, 'muni.sqlite'), clock.now);
  const m = initMunicipality(muni.ctx, 'Управление образования Энского района (вымышленное)');
  const enr = enrollSchool(muni.ctx, 'МКОУ «Энская ООШ» (вымышленная)');
  const school = openWorkspaceFile(join(dir, 'school.sqlite'), clock.now);
  openEnrollment(school.ctx, enr.bytes, enr.code);
  if (opts.demo !== null) generateDemo(school.ctx, { size: opts.demo ?? 'small', seed: opts.seed ?? 1 });
  const out = (label: string) => join(dir, `${label}-${++n}`);
  const pair: Pair = {
    dir, clock, muni, school, muniId: m.id, schoolId: enr.schoolId,
    exportSchool() {
      clock.tick();
      return exportToFolder(pair.school.ctx, out('up'))[0]!.path;
    },
    exportMuni(forSchool?: string) {
      clock.tick();
      return exportToFolder(pair.muni.ctx, out('down'), { forSchool }).map((w) => w.path);
    },
    importToMuni: (p, dryRun) => importFile(pair.muni.ctx, p, { dryRun }),
    importToSchool: (p, dryRun) => importFile(pair.school.ctx, p, { dryRun }),
    close() {
      pair.muni.close();
      if (pair.school.ctx.raw.open) pair.school.close();
    },
  };
  return pair;
}

export function listBundles(dir: string): string[] {
  return readdirSync(dir).filter((f) => f.endsWith('.opora')).map((f) => join(dir, f));
}

/** Row counts of every synced table owned by `owner`, live and tombstoned. */
export function ownedCounts(w: OpenWorkspace, owner: string, tables: readonly string[]): Record<string, number> {
  const out: Record<string, number> = {};
  for (const t of tables) out[t] = w.ctx.raw.prepare(`SELECT COUNT(*) FROM ${t} WHERE owner = ?`).pluck().get(owner) as number;
  return out;
}

/** An activity of the municipality's roadmap, as the roadmap screen saves it (a roadmap is made if there is none). */
export function roadmapActivity(ctx: ServiceContext, input: Omit<z.input<typeof roadmapActivityInput>, 'roadmap_id'>): string {
  const roadmap = currentRoadmap(ctx) ?? saveRoadmap(ctx, roadmapInput.parse({ title: 'Муниципальная дорожная карта (вымышленная)', year_from: 2025, year_to: 2027 }));
  return saveRoadmapActivity(ctx, roadmapActivityInput.parse({ all_schools: 1, ...input, roadmap_id: roadmap.id })).id;
}

/** A bundle signed with the school's real key (a trusted sender), with the given data entries. */
export function schoolSigned(p: Pair, entries: EntryInput[], sequence: number): Buffer {
  return signedBySchool(p.school, p.muni, entries, sequence);
}

/** `entries` as a school file signed with the school's real key and encrypted for the department (also the bench's). */
export function signedBySchool(school: OpenWorkspace, muni: OpenWorkspace, entries: EntryInput[], sequence: number): Buffer {
  const id = ensureIdentity(school.ctx);
  const counts: Record<string, number> = {};
  for (const e of entries) {
    const m = /^data\/([a-z_]+)\.json$/.exec(e.name);
    if (m) counts[m[1]!] = (JSON.parse(e.data.toString('utf8')) as { rows: unknown[] }).rows.length;
  }
  return buildContainer({
    kind: 'school-data',
    issuer: { id: id.ownerId, name: 'Школа (вымышленная)', role: 'school', origin: id.origin, signKey: id.keys.signPublic, encryptKey: id.keys.encryptPublic, fingerprint: id.fingerprint },
    recipient: { id: ensureIdentity(muni.ctx).ownerId, name: 'Управление' },
    sequence, createdAt: new Date().toISOString(), appVersion: APP_VERSION, schemaVersion: LATEST_VERSION,
    counts, enrollmentProof: false, acks: [],
  }, entries, id.keys.signPrivate, ensureIdentity(muni.ctx).keys.encryptPublic);
}
