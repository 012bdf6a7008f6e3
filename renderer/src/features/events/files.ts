/** Attachments between the File API and the call contract (see components/files.ts). */
import type { AttachmentData } from '../../../../preload/contract/index';
import { downloadBase64 } from '../../components/files';

export { readAsBase64 } from '../../components/files';

export const MAX_FILE_BYTES = 25 * 1024 * 1024;

export function downloadAttachment(data: AttachmentData) {
  downloadBase64(data.file_name, data.dataBase64, data.mime);
}
