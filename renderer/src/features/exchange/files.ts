/** Files in and out of the exchange screen: reading dropped files and folders, saving downloads. */

export { downloadBase64, readAsBase64 as fileToBase64 } from '../../components/files';

interface FsEntry {
  isFile: boolean;
  isDirectory: boolean;
  name: string;
  file?(ok: (f: File) => void, fail: (e: unknown) => void): void;
  createReader?(): { readEntries(ok: (e: FsEntry[]) => void, fail: (e: unknown) => void): void };
}

async function walk(entry: FsEntry, out: File[], depth = 0): Promise<void> {
  if (entry.isFile && entry.file) {
    out.push(await new Promise<File>((ok, fail) => entry.file!(ok, fail)));
  } else if (entry.isDirectory && entry.createReader && depth < 2) {
    const reader = entry.createReader();
    for (;;) {
      const batch = await new Promise<FsEntry[]>((ok, fail) => reader.readEntries(ok, fail));
      if (!batch.length) break;
      for (const e of batch) await walk(e, out, depth + 1);
    }
  }
}

/** Files from a drop: plain files, and the *.opora files inside dropped folders. */
export async function filesFromDrop(dt: DataTransfer): Promise<File[]> {
  const out: File[] = [];
  const items = [...dt.items].filter((i) => i.kind === 'file');
  const entries = items.map((i) => (i as DataTransferItem & { webkitGetAsEntry?(): FsEntry | null }).webkitGetAsEntry?.() ?? null);
  if (entries.some((e) => e)) {
    for (const e of entries) if (e) await walk(e, out);
  } else out.push(...dt.files);
  return out;
}

/** Bundles only: folders may hold other files; hidden and partial files are never bundles. */
export function onlyBundles(files: File[]): File[] {
  return files.filter((f) => f.name.toLowerCase().endsWith('.opora') && !f.name.startsWith('.'));
}

/** Why a file that is not a bundle was left out, in words a person can act on. */
export function whyNotBundle(name: string): string {
  const n = name.toLowerCase();
  if (n.endsWith('.opora-enroll')) return `«${name}» — файл подключения, а не файл обмена: откройте его кнопкой «Открыть файл подключения».`;
  if (/\.(xlsx|xls|csv)$/.test(n)) return `«${name}» — таблица Excel: реестр школ загружается на странице «Школы муниципалитета», вкладка «Реестр».`;
  if (/\.(docx?|pdf|odt|rtf|txt)$/.test(n)) return `«${name}» — документ, а не файл обмена: документы прикладываются к мероприятиям журнала.`;
  if (/\.(sqlite|db)$/.test(n)) return `«${name}» — файл базы данных: его открывают в разделе «Настройки и копии».`;
  if (/\.(zip|rar|7z)$/.test(n)) return `«${name}» — архив: распакуйте его и загрузите файлы *.opora из него.`;
  return `«${name}» — не файл обмена «Опоры» (у файлов обмена окончание .opora).`;
}

/**
 * The chosen files in the groups the import screen sends (one call each): in order, at most `maxFiles` per group,
 * together no larger than `maxBytes`. A file larger than that goes alone, so its refusal names it and no other.
 */
export function importGroups<F extends { size: number }>(files: F[], maxFiles: number, maxBytes: number): F[][] {
  const out: F[][] = [];
  let group: F[] = [];
  let size = 0;
  for (const f of files) {
    if (group.length && (group.length >= maxFiles || size + f.size > maxBytes)) {
      out.push(group);
      group = [];
      size = 0;
    }
    group.push(f);
    size += f.size;
  }
  if (group.length) out.push(group);
  return out;
}
