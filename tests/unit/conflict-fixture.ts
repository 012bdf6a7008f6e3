/**
 * A real conflict at the municipality: the school's database is restored from a copy after an edit was
 * sent, and the same event is edited again on the restored copy — two independent versions of one record.
 */
import { copyFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { openWorkspaceFile } from '../../main/cli/workspace-file.js';
import { saveRecord } from '../../main/services/records/records.js';
import { makePair, type Pair } from './exchange-fixtures.js';

export const EVENT = { title: 'Семинар «Объективность оценивания»', kind: 'seminar', level: 'school', format: 'in_person', date_from: '2026-10-01' };

export async function conflictPair(dir?: string): Promise<{ pair: Pair; eventId: string }> {
  const p = makePair({ demo: null, dir });
  const id = (await saveRecord(p.school.ctx, 'event', EVENT)).id as string;
  if (p.importToMuni(p.exportSchool()).status !== 'accepted') throw new Error('first import');
  const dbPath = join(p.dir, 'school.sqlite');
  const copy = join(p.dir, 'school-copy.sqlite');
  p.school.ctx.raw.pragma('wal_checkpoint(TRUNCATE)');
  copyFileSync(dbPath, copy);
  p.clock.tick();
  await saveRecord(p.school.ctx, 'event', { ...EVENT, id, title: 'Семинар по объективности (правка до восстановления)', level: 'municipal', date_from: '2026-10-02' });
  if (p.importToMuni(p.exportSchool()).status !== 'accepted') throw new Error('second import');
  p.school.close();
  for (const x of ['', '-wal', '-shm']) rmSync(dbPath + x, { force: true });
  copyFileSync(copy, dbPath);
  p.school = openWorkspaceFile(dbPath, p.clock.now);
  p.clock.tick();
  await saveRecord(p.school.ctx, 'event', { ...EVENT, id, format: 'online', participants_count: 25 });
  const r = p.importToMuni(p.exportSchool());
  if (r.status !== 'accepted' || !r.counts?.conflicts) throw new Error('no conflict: ' + JSON.stringify(r));
  return { pair: p, eventId: id };
}
