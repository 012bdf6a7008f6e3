/** records.*: the common list, read, save and tombstone of every record kind (services in records.ts). */
import { defineArea } from '../core/area-handlers.js';
import { listRecords, saveRecord, removeRecordToBin, removePreview, getRecord } from './records.js';
import { updateSchoolProfile } from '../core/school-profile.js';
import { AppError } from '../core/errors.js';

export const recordsHandlers = defineArea({
  'records.list': (env, input) => listRecords(env.ctx(), input),
  'records.get': (env, input) => getRecord(env.ctx(), input.entity, input.id),
  // The contract has checked input.value already; saveRecord checks it again against the registry's schema
  // because the command line and other services call it without the door.
  'records.save': (env, input) =>
    input.entity === 'school_profile' ? updateSchoolProfile(env.ctx(), input.value) : saveRecord(env.ctx(), input.entity, input.value),
  'records.remove': (env, input) => {
    if (input.entity === 'school_profile') throw new AppError('forbidden', 'Профиль школы удалить нельзя.');
    // An event's files go to the bin with it; their bytes wait there (attachments.ts eraseDeletedFiles).
    return removeRecordToBin(env.ctx(), input.entity, input.id);
  },
  'records.removePreview': (env, input) => removePreview(env.ctx(), input.entity, input.id),
});
