/**
 * A data entry read row by row. `{"table":…,"columns":[…],"rows":[row, row, …]}` is scanned once over its
 * bytes (nesting depth, strings, the row boundaries) without turning the whole entry into one string or
 * one object graph; the row count is enforced during that scan, then each row is decoded, parsed and
 * checked on its own, so a bad row stops the import before the rows after it are even parsed. Whatever
 * is not the rows array (the header) is small and parsed as usual.
 */
import { BundleError, LIMITS } from './reasons.js';
import { decodeUtf8, parseJsonSafe } from './container.js';

const Q = 34; // "
const BS = 92; // \
const COMMA = 44;
/** `,"rows":` or `{"rows":` just before the array: the layout JSON.stringify writes. */
const ROWS_KEY = Buffer.from('"rows":', 'latin1');

export interface SplitTable {
  /** The entry without the rows' contents: `…,"rows":[]…`. */
  header: Buffer;
  /** [start, end) byte offsets of each row inside the entry. */
  rows: Uint32Array;
  count: number;
}

function isRowsKey(b: Buffer, i: number): boolean {
  const k = i - ROWS_KEY.length;
  return k >= 1 && (b[k - 1] === COMMA || b[k - 1] === 123) && b.subarray(k, i).equals(ROWS_KEY);
}

/** One pass over the bytes: depth limit, balanced strings and brackets, and where each row starts and ends. */
export function splitTable(b: Buffer, maxRows: number): SplitTable {
  let depth = 0;
  let inString = false;
  let rowsAt = -1; // index of the rows array's "["
  let rowsEnd = -1; // index of its "]"
  let start = -1;
  let afterComma = false;
  let count = 0;
  let rows = new Uint32Array(2 * Math.min(maxRows + 1, 1024));
  const push = (end: number) => {
    if (++count > maxRows) throw new BundleError('too_large', `строк в таблице больше ${maxRows}`);
    if (rows.length < 2 * count) {
      const grown = new Uint32Array(Math.min(rows.length * 2, 2 * (maxRows + 1)));
      grown.set(rows);
      rows = grown;
    }
    rows[2 * count - 2] = start;
    rows[2 * count - 1] = end;
    start = -1;
  };
  for (let i = 0; i < b.length; i++) {
    const c = b[i]!;
    if (inString) {
      // Straight to the next quote: a string's bytes are most of a table, and nothing in them but \ and " matters.
      const q = b.indexOf(Q, i);
      if (q < 0) break;
      let k = q - 1;
      while (k >= i && b[k] === BS) k--;
      // An odd run of backslashes escapes the quote: the string goes on after it.
      if ((q - 1 - k) % 2 === 0) inString = false;
      i = q;
      continue;
    }
    const inRows = rowsAt >= 0 && rowsEnd < 0 && depth === 2;
    if (inRows && start < 0) {
      if (c === 32 || c === 10 || c === 13 || c === 9) continue;
      if (c === COMMA) {
        if (afterComma || count === 0) throw new BundleError('bad_json');
        afterComma = true;
        continue;
      }
      if (c === 93) {
        if (afterComma) throw new BundleError('bad_json');
        rowsEnd = i;
        depth--;
        continue;
      }
      if (count > 0 && !afterComma) throw new BundleError('bad_json');
      start = i;
      afterComma = false;
    } else if (inRows && (c === COMMA || c === 93)) {
      push(i);
      i--; // the comma or "]" is seen again as a separator
      continue;
    }
    if (c === Q) inString = true;
    else if (c === 123 || c === 91) {
      if (++depth > LIMITS.jsonDepth) throw new BundleError('json_too_deep');
      if (c === 91 && depth === 2 && isRowsKey(b, i)) {
        if (rowsAt >= 0) throw new BundleError('bad_json', 'rows дважды');
        rowsAt = i;
      }
    } else if (c === 125 || c === 93) {
      if (--depth < 0) throw new BundleError('bad_json');
    }
  }
  if (inString || depth !== 0 || (rowsAt >= 0 && rowsEnd < 0)) throw new BundleError('bad_json');
  const header = rowsAt < 0 ? b : Buffer.concat([b.subarray(0, rowsAt + 1), b.subarray(rowsEnd)]);
  if (header.length > LIMITS.tableHeaderBytes) throw new BundleError('too_large', 'заголовок таблицы');
  return { header, rows: rows.subarray(0, 2 * count), count };
}

/** Rows parsed together: one decode and one JSON.parse per batch instead of per row, memory still bounded. */
const BATCH = 256;

/** The header as a value, and each row parsed on demand (in order, a batch at a time). */
export function readTableEntry(b: Buffer, maxRows: number): { header: unknown; count: number; row(k: number): unknown } {
  const s = splitTable(b, maxRows);
  const header = parseJsonSafe(s.header);
  const one = (k: number) => {
    const text = decodeUtf8(b.subarray(s.rows[2 * k]!, s.rows[2 * k + 1]!));
    try {
      return JSON.parse(text) as unknown;
    } catch {
      throw new BundleError('bad_json', `строка ${k + 1}`);
    }
  };
  let from = 0;
  let batch: unknown[] = [];
  return {
    header,
    count: s.count,
    row(k) {
      if (k < from || k >= from + batch.length) {
        from = k;
        const to = Math.min(k + BATCH, s.count) - 1;
        // The bytes between the first row's start and the last row's end are those rows and the commas between.
        let parsed: unknown;
        try {
          parsed = JSON.parse(`[${decodeUtf8(b.subarray(s.rows[2 * k]!, s.rows[2 * to + 1]!))}]`);
        } catch {
          parsed = null;
        }
        // A bad row (or bad UTF-8) in the batch: row by row, so the error names the row.
        if (!Array.isArray(parsed) || parsed.length !== to - k + 1) {
          batch = [];
          return one(k);
        }
        batch = parsed;
      }
      return batch[k - from];
    },
  };
}
