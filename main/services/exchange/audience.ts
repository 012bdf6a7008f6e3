/**
 * Which schools a row that travels down is meant for, as SQL over the registry's `audience` and `perSchool`
 * (db/registry/types.ts): one reading for the bundle a school is sent, for what the school shows, and for the
 * marks a school may send back. The SQL names the school as @school.
 */
import { tableSpec } from '../../../db/registry/index.js';

/**
 * - 'send': what goes into the school's bundle. A deleted row still goes, as a tombstone, to every school it
 *   was meant for when it was deleted (its link rows are deleted with it).
 * - 'ever': meant for the school now or at any time before (a school's mark on an assignment it was later
 *   taken off stays acceptable, or its full snapshots would be refused forever).
 */
export type AudienceMode = 'send' | 'ever';

/** The registry's own code, never user input: checked to be a plain word before it is put into SQL. */
function codeIs(alias: string, [column, code]: readonly [string, string]): string {
  if (!/^[a-z_]+$/.test(code)) throw new Error(`audience code ${code}`);
  return `${alias}.${column} = '${code}'`;
}

/** SQL true for the rows of `table` (alias `alias`) meant for @school, or null when every school gets them. */
export function audienceSql(table: string, alias: string, mode: AudienceMode = 'send', depth = 0): string | null {
  const spec = tableSpec(table);
  if (spec.perSchool) return `${alias}.${spec.perSchool} = @school`;
  const a = spec.audience;
  if (!a) return null;
  const own: string[] = [];
  if (a.all) own.push(`${alias}.${a.all} = 1`);
  if (a.allWhen) own.push(codeIs(alias, a.allWhen));
  if (a.links) {
    const [links, column] = a.links;
    const live = mode === 'send' ? ` AND (deleted_at IS NULL OR ${alias}.deleted_at IS NOT NULL)` : '';
    own.push(`${alias}.id IN (SELECT ${column} FROM ${links} WHERE school_id = @school${live})`);
  }
  const parts = own.length ? [`(${own.join(' OR ')})`] : [];
  if (a.parent) {
    const [column, parent] = a.parent;
    const p = `p${depth}`;
    const inner = audienceSql(parent, p, mode, depth + 1);
    parts.push(`${alias}.${column} IN (SELECT ${p}.id FROM ${parent} ${p}${inner ? ` WHERE ${inner}` : ''})`);
  }
  return parts.length ? parts.join(' AND ') : null;
}

/**
 * At the school, the rows it should show: the same audience over what it received (its own link rows only),
 * live rows with live links. @school is the school's own id.
 */
export function shownAtSchoolSql(table: string, alias: string, depth = 0): string {
  const spec = tableSpec(table);
  const a = spec.audience;
  const parts = [`${alias}.deleted_at IS NULL`];
  if (a) {
    const own: string[] = [];
    if (a.all) own.push(`${alias}.${a.all} = 1`);
    if (a.allWhen) own.push(codeIs(alias, a.allWhen));
    if (a.links) own.push(`${alias}.id IN (SELECT ${a.links[1]} FROM ${a.links[0]} WHERE school_id = @school AND deleted_at IS NULL)`);
    if (own.length) parts.push(`(${own.join(' OR ')})`);
    const p = `s${depth}`;
    if (a.parent) parts.push(`${alias}.${a.parent[0]} IN (SELECT ${p}.id FROM ${a.parent[1]} ${p} WHERE ${shownAtSchoolSql(a.parent[1], p, depth + 1)})`);
  }
  return parts.join(' AND ');
}
