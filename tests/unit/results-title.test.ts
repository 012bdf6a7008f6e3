/**
 * Issue 20: the справка's heading when the methodologist typed the topic as the heading itself. The draft in the
 * register and the справка printed with no title of its own both read it once: «Об итогах видеоконференции …»,
 * never «Об итогах видеоконференции «Об итогах видеоконференции …»».
 */
import { describe, it, expect, afterAll } from 'vitest';
import { join } from 'node:path';
import { tempDir } from '../helpers.js';
import { testClock } from './exchange-fixtures.js';
import { openWorkspaceFile } from '../../main/cli/workspace-file.js';
import { initMunicipality } from '../../main/services/core/municipality-profile.js';
import { saveEvent } from '../../main/services/municipality/events.js';
import { draftFromEvent } from '../../main/services/municipality/documents.js';
import { eventSaveInput } from '../../preload/contract/meetings.js';
import { meetingDoc } from '../../main/services/reports/documents/meeting.js';
import { meeting, requisites } from './documents-fixture.js';
import { resultsTitle } from '../../common/results-title.js';

const TOPIC = 'Об итогах видеоконференции с руководителями общеобразовательных организаций «О результатах мониторинга»';
const w = openWorkspaceFile(join(tempDir('opora-results-title-'), 'opora.sqlite'), testClock('2026-11-25T10:00:00Z').now);
afterAll(() => w.close());

describe('заголовок справки об итогах', () => {
  it('a topic typed as the heading is the heading, once', () => {
    initMunicipality(w.ctx, 'Управление образования (вымышленное)');
    const card = saveEvent(w.ctx, eventSaveInput.parse({ event: { kind: 'video_conference', date_from: '2026-11-20', topic: TOPIC } }));
    expect(draftFromEvent(w.ctx, card.event.id).document.title).toBe(TOPIC);
    const other = saveEvent(w.ctx, eventSaveInput.parse({ event: { kind: 'video_conference', date_from: '2026-11-20', topic: 'О результатах мониторинга' } }));
    expect(draftFromEvent(w.ctx, other.event.id).document.title).toBe('Об итогах видеоконференции «О результатах мониторинга»');
  });

  it('the справка printed with no title of its own says «об итогах» once', () => {
    const m = meeting({ requisites: requisites({ title: '' }) });
    const doc = meetingDoc({ ...m, event: { ...m.event, topic: 'по итогам ВПР весны 2026 года.' } });
    expect(doc.requisites.title).toBe('по итогам ВПР весны 2026 года');
    expect(resultsTitle('совещания', '«Итоги ВПР»')).toBe('Об итогах совещания «Итоги ВПР»');
  });
});
