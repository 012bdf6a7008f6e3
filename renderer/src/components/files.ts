/**
 * Files between the File API and the call contract. Bytes travel as base64 both ways, so the same calls
 * work in the Electron window and in a browser tab.
 */
import type { FileData } from '../../../preload/contract/index';

export function readAsBase64(file: File): Promise<string> {
  return new Promise((resolve, reject) => {
    const r = new FileReader();
    r.onload = () => {
      const url = String(r.result ?? '');
      resolve(url.slice(url.indexOf(',') + 1));
    };
    r.onerror = () => reject(r.error ?? new Error('read failed'));
    r.readAsDataURL(file);
  });
}

/** Saves bytes main produced through an object-URL link with the download attribute. */
export function downloadBase64(fileName: string, dataBase64: string, mime = 'application/octet-stream') {
  const bin = atob(dataBase64);
  const bytes = new Uint8Array(bin.length);
  for (let i = 0; i < bin.length; i++) bytes[i] = bin.charCodeAt(i);
  const url = URL.createObjectURL(new Blob([bytes], { type: mime || 'application/octet-stream' }));
  const a = document.createElement('a');
  a.href = url;
  a.download = fileName;
  a.dataset.testid = 'download-link';
  document.body.appendChild(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 60_000);
}

/** Saves a file main built (a report, a table, a roster sheet). */
export function downloadFile(data: FileData) {
  downloadBase64(data.fileName, data.dataBase64, data.mime);
}
