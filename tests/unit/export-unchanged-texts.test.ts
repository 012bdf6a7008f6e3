/**
 * Issue 23, item 3: the export's check does not read again the texts the last file carried unchanged — but only
 * while it looks for the very same names. A text that went out clean is read again once a pupil it names is
 * added (or a name changes), and the export is refused; the review still lists only what changed.
 */
import { describe, it, expect, afterEach } from 'vitest';
import { makePair, type Pair } from './exchange-fixtures.js';
import { includePupil } from '../../main/services/school/risk-group.js';
import { saveRecord } from '../../main/services/records/records.js';
import { exportToFolder, outgoingReview, ensureIdentity } from '../../main/services/exchange/index.js';
import { tempDir, refusal } from '../helpers.js';

let p: Pair;
afterEach(() => p?.close());

const OUTCOMES = 'Разобрали пропуски; беседу провела Соколова Вера, итоги — на совете';

describe('the export skips texts the last file carried, and only while it looks for the same names', () => {
  it('a text that left clean is refused once a pupil it names joins the school', () => {
    p = makePair({ demo: null });
    const owner = ensureIdentity(p.school.ctx).ownerId;
    saveRecord(p.school.ctx, 'event', { title: 'Совет профилактики', kind: 'meeting', level: 'school', format: 'in_person', date_from: '2026-10-01', outcomes: OUTCOMES });
    // Nobody of that name at school yet: the text leaves.
    expect(p.importToMuni(p.exportSchool()).status).toBe('accepted');
    expect(outgoingReview(p.school.ctx, owner).total).toBe(0);
    // The same text, unchanged, once the pupil Вера Соколова is in the risk group: the export reads it again and refuses.
    includePupil(p.school.ctx, { full_name: 'Соколова Вера Павловна', birth_date: '2013-05-02', class_name: '6Б' },
      { categories: ['absenteeism'], included_on: '2026-11-02', reason: 'пропуски', responsible: 'Сидорова А. В.' });
    const e = refusal(() => exportToFolder(p.school.ctx, tempDir()));
    expect(e.code).toBe('pupil_mentions');
    expect(e.message).toMatch(/Мероприятие журнала «Совет профилактики» — поле «Итоги»/);
  });

  it('unchanged texts and the same pupils: the next file goes, and a text changed since is still read', () => {
    p = makePair({ demo: null });
    includePupil(p.school.ctx, { full_name: 'Лебедев Дмитрий Андреевич', birth_date: '2014-03-20', class_name: '5А' },
      { categories: ['absenteeism'], included_on: '2026-09-15', reason: 'пропуски', responsible: 'Сидорова А. В.' });
    const event = saveRecord(p.school.ctx, 'event', { title: 'Совет профилактики', kind: 'meeting', level: 'school', format: 'in_person', date_from: '2026-10-01', outcomes: 'Разобрали пропуски' });
    expect(p.importToMuni(p.exportSchool()).status).toBe('accepted');
    expect(p.importToMuni(p.exportSchool()).status).toBe('accepted');
    saveRecord(p.school.ctx, 'event', { id: event.id, title: 'Совет профилактики', kind: 'meeting', level: 'school', format: 'in_person', date_from: '2026-10-01', outcomes: 'Разобрали пропуски Лебедева Дмитрия' });
    expect(refusal(() => exportToFolder(p.school.ctx, tempDir())).code).toBe('pupil_mentions');
  });
});
