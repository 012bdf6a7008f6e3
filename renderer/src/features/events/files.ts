/** Attachments between the File API and the call contract (see components/files.ts). */
import { LIMITS, type AttachmentData } from '../../../../preload/contract/index';
import { downloadBase64 } from '../../components/files';

export { readAsBase64 } from '../../components/files';

/** The same limit main's schema checks, so a too-large file is refused before it is read. */
export const MAX_FILE_BYTES = LIMITS.attachment.maxBytes;

export function downloadAttachment(data: AttachmentData) {
  downloadBase64(data.file_name, data.dataBase64, data.mime);
}
