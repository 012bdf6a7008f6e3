/** attachments.*: files attached to events of the journal or of the department's meetings (services in attachments.ts). */
import { defineArea } from '../core/area-handlers.js';
import { addAttachment, readAttachment, listAttachments, attachmentRoot, shareAttachmentAsync, readSchoolFile } from './attachments.js';
import { removeWithBin } from '../core/recycle-bin.js';

export const attachmentsHandlers = defineArea({
  'attachments.add': (env, input) => addAttachment(env.ctx(), input),
  'attachments.read': (env, input) => readAttachment(env.ctx(), input.id),
  'attachments.list': (env, input) => listAttachments(env.ctx(), input.eventId),
  'attachments.remove': (env, input) => removeWithBin(env.ctx(), [attachmentRoot(env.ctx(), input.id)]),
  'attachments.share': (env, input) => shareAttachmentAsync(env.ctx(), input.id, input.share, input.checked ?? false),
  'municipality.schoolFile': (env, input) => readSchoolFile(env.ctx(), input.id),
});
