/** attachments.*: files attached to events of the journal (services in attachments.ts). */
import { defineArea } from './area-handlers.js';
import { addAttachment, readAttachment, listAttachments, removeFilesOfDeleted } from './attachments.js';
import { removeRecord } from './records.js';

export const attachmentsHandlers = defineArea({
  'attachments.add': (env, input) => addAttachment(env.ctx(), input),
  'attachments.read': (env, input) => readAttachment(env.ctx(), input.id),
  'attachments.list': (env, input) => listAttachments(env.ctx(), input.eventId),
  'attachments.remove': (env, input) => {
    const removed = removeRecord(env.ctx(), 'attachment', input.id);
    removeFilesOfDeleted(env.ctx(), input.id);
    return { removed };
  },
});
