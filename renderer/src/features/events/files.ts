/** Files between the File API and the call contract: base64 both ways, so it works in Electron and in a tab. */
import type { AttachmentData } from '../../../../preload/contract/index';

export const MAX_FILE_BYTES = 25 * 1024 * 1024;

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

/** Saves a stored attachment through an object-URL link with the download attribute. */
export function downloadAttachment(data: AttachmentData) {
  const bin = atob(data.dataBase64);
  const bytes = new Uint8Array(bin.length);
  for (let i = 0; i < bin.length; i++) bytes[i] = bin.charCodeAt(i);
  const url = URL.createObjectURL(new Blob([bytes], { type: data.mime || 'application/octet-stream' }));
  const a = document.createElement('a');
  a.href = url;
  a.download = data.file_name;
  document.body.appendChild(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 60_000);
}
