/** privacy.consentForm, privacy.pupilReport: the papers about one child, printed (documents in consent-form.ts, pupil-report.ts). */
import { defineArea } from '../core/area-handlers.js';
import { logAccess } from '../privacy/access-log.js';
import { renderDocx } from './docx.js';
import { MIME } from './index.js';
import { consentFormDoc } from './consent-form.js';
import { pupilReportDoc } from './pupil-report.js';

export const childPapersHandlers = defineArea({
  'privacy.consentForm': async (env, input) => {
    const ctx = env.ctx();
    const { doc, pupilId } = consentFormDoc(ctx, input.entryId);
    logAccess(ctx, 'print', pupilId, 'бланк согласия');
    return { fileName: 'Согласие_на_обработку_сведений_о_здоровье.docx', mime: MIME.docx, bytes: await renderDocx(doc) };
  },  'privacy.pupilReport': async (env, input) => {
    const ctx = env.ctx();
    const doc = pupilReportDoc(ctx, input.pupilId);
    logAccess(ctx, 'print', input.pupilId, '«Что хранится о ребёнке»');
    return { fileName: 'Что_хранится_о_ребёнке.docx', mime: MIME.docx, bytes: await renderDocx(doc) };
  },});
