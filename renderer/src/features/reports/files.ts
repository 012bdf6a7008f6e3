/** Report files to and from main (see components/files.ts). */
import type { FileData } from '../../../../preload/contract/index';
import { downloadBase64 } from '../../components/files';

export { readAsBase64 } from '../../components/files';

export function downloadFile(data: FileData) {
  downloadBase64(data.fileName, data.dataBase64, data.mime);
}
