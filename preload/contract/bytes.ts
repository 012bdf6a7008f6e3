/**
 * Files cross the door as base64 text (JSON over IPC and HTTP carries no bytes). Here, and only here, text
 * becomes bytes and back: inputs are decoded by the schema, so handlers get a Uint8Array; outputs are encoded
 * by a codec that `dispatch` applies, so handlers return bytes.
 */
import { z } from 'zod';

const BASE64 = /^[A-Za-z0-9+/]*={0,2}$/;

/** Decoded size of base64 text, from its length: lets a size limit refuse a file before any decoding. */
export function base64Size(text: string): number {
  const padding = text.endsWith('==') ? 2 : text.endsWith('=') ? 1 : 0;
  return Math.floor((text.length * 3) / 4) - padding;
}

// main decodes with Node's Buffer (fast, and a Buffer is what its services take); the renderer bundle has no
// Buffer and never decodes, but the schemas must still load there.
const NodeBuffer = (globalThis as { Buffer?: typeof Buffer }).Buffer;

export function fromBase64(text: string): Uint8Array {
  return NodeBuffer ? NodeBuffer.from(text, 'base64') : z.util.base64ToUint8Array(text);
}

export function toBase64(bytes: Uint8Array): string {
  return NodeBuffer ? NodeBuffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString('base64') : z.util.uint8ArrayToBase64(bytes);
}

const MB = 1024 * 1024;

/** The largest file a call takes and what to tell the user when it is larger. */
export interface ByteLimit {
  maxBytes: number;
  tooLarge: string;
}
/**
 * The largest exchange file, stated once: the door (this contract), the browser host's request size
 * (main/web-host.ts) and the import (exchange/reasons.ts LIMITS) all take it from here, so a file one of them
 * lets through none of the others refuses. Tables of ten large schools (24 МБ) and 128 МБ of passed-on files fit.
 */
export const BUNDLE_MAX_BYTES = 160 * MB;

export const LIMITS = {
  attachment: { maxBytes: 25 * MB, tooLarge: 'Файл больше 25 МБ — приложите файл поменьше' },
  bundle: { maxBytes: BUNDLE_MAX_BYTES, tooLarge: 'Файл больше 160 МБ — такой файл обмена управление образования не принимает. Попросите школу снять отметку «Передать в управление образования» с самых больших файлов журнала или уменьшить фото и выгрузить заново' },
  roster: { maxBytes: 10 * MB, tooLarge: 'Файл больше 10 МБ — это не похоже на реестр школ' },
} satisfies Record<string, ByteLimit>;

/** Bytes of a file (a Node Buffer is one too). */
export const bytes = z.custom<Uint8Array>((v) => v instanceof Uint8Array, { message: 'Ожидались байты файла' });

/** Base64 text ⇄ bytes; the size is checked from the text's length, then the alphabet, then it is decoded. */
export function base64Bytes(limit: ByteLimit) {
  const text = z.string({ message: 'Файл не передан' })
    .refine((s) => base64Size(s) <= limit.maxBytes, { message: limit.tooLarge, abort: true })
    .refine((s) => BASE64.test(s), { message: 'Файл передан в повреждённом виде — выберите его ещё раз' });
  return z.codec(text, bytes, { decode: fromBase64, encode: toBase64 });
}

// ───── outputs that carry bytes: the handler returns `bytes`, the wire carries `dataBase64` ─────

const fileFields = { fileName: z.string(), mime: z.string() };

/** A file to save (a report, the roster in Excel). */
export const fileOutput = z.codec(
  z.object({ ...fileFields, dataBase64: z.string() }),
  z.object({ ...fileFields, bytes }),
  {
    decode: ({ dataBase64, ...rest }) => ({ ...rest, bytes: fromBase64(dataBase64) }),
    encode: ({ bytes: b, ...rest }) => ({ ...rest, dataBase64: toBase64(b) }),
  },
);
/** A file as the renderer receives it. */
export type FileData = z.input<typeof fileOutput>;
/** A file as a handler returns it. */
export type FileBytes = z.output<typeof fileOutput>;
