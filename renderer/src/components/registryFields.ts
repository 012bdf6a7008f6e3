/**
 * Form fields from the table registry: the label, the hint, whether it is required, the bounds and the
 * choices come from the same rule main checks, so a form never says one thing and the server another.
 * A feature adds only how the field looks (wide, multi-line, a placeholder) and, for a reference, how a
 * picked record is named.
 */
import type { FieldSpec } from './RecordForm';
import type { Row } from '../../../preload/contract/index';
import { fieldRule } from '../../../preload/contract/from-registry';
import type { EntityName } from '../../../preload/contract/index';

export interface FieldLook {
  /** Multi-line text instead of a single line. */
  multiline?: boolean;
  span?: 1 | 2;
  placeholder?: string;
  /** References: how a record of the referenced table is shown in the picker, and which ones are offered. */
  labelOf?: (r: Row) => string;
  filters?: Record<string, string | number | null>;
}

const options = (codes: readonly string[], labels?: Record<string, string>) => codes.map((value) => ({ value, label: labels?.[value] ?? value }));

/** `const F = fieldsOf('activity'); F('title', { multiline: true })`. */
export function fieldsOf(table: EntityName) {
  return (name: string, look: FieldLook = {}): FieldSpec => {
    const rule = fieldRule(table, name);
    const base = { name, label: rule.label, span: look.span };
    switch (rule.kind) {
      case 'text':
        return { ...base, kind: look.multiline ? 'textarea' : 'text', required: rule.required, description: rule.hint, placeholder: look.placeholder, max: rule.max };
      case 'date':
        return { ...base, kind: 'date', required: rule.required, description: rule.hint };
      case 'int':
        return { ...base, kind: 'number', required: rule.required, min: rule.min, max: rule.max };
      case 'real':
        return { ...base, kind: 'number', decimal: true };
      case 'flag':
        return { name, label: rule.label, kind: 'checkbox', span: look.span };
      case 'vocab':
        return { ...base, kind: 'select', options: options(rule.codes, rule.labels), required: true };
      case 'codes':
        return { ...base, kind: 'multiselect', options: options(rule.codes, rule.labels), required: rule.min > 0, placeholder: look.placeholder };
      case 'ref':
        return {
          ...base, kind: 'ref', entity: rule.table as EntityName, labelOf: look.labelOf ?? ((r: Row) => String(r.title ?? r.id)),
          filters: look.filters, required: rule.required, clearable: !rule.required,
        };
      case 'uuid':
        throw new Error(`${table}.${name}: an id without a table is not a form field`);
    }
  };
}
