/**
 * The one form of the app, driven by field descriptions. It validates with a schema of the contract before
 * sending — records.save's for a record kind (`entity`), or a call's input (`schema`, e.g. riskGroup.include,
 * which writes two records at once; `toInput` then shapes the flat values into the call's input) — and sends
 * what the schema produced, so `save` is typed by it. It shows messages next to fields, shows the server's
 * Russian message if main refuses, and guards unsaved changes (FormModal).
 */
import { useEffect, useMemo, useState, type ReactNode } from 'react';
import type { z } from 'zod';
import { TextInput, Select, MultiSelect, NumberInput, Checkbox, Button, Group, Alert, Stack, Modal, Text, SimpleGrid, Divider } from '@mantine/core';
import { call, CallError } from '../app/api';
import { useDataVersion, useCall } from '../app/data';
import { contract, type EntityName, type Row } from '../../../preload/contract/index';
import { TypedDateInput } from './TypedDateInput';
import { count } from '../../../common/format';
import { useUnsavedChanges } from './UnsavedGuard';
import { GrowingTextarea } from './GrowingTextarea';

/** `showIf`: the field is shown (and sent) only while the other values allow, e.g. schools when not «всем школам». */
export type FieldSpec = FieldKinds & { showIf?: (values: Values) => boolean };
type FieldKinds =
  | { name: string; label: string; kind: 'text' | 'textarea'; required?: boolean; description?: string; span?: 1 | 2; placeholder?: string; max?: number }
  | { name: string; label: string; kind: 'date'; required?: boolean; description?: string; span?: 1 | 2 }
  | { name: string; label: string; kind: 'number'; required?: boolean; span?: 1 | 2; decimal?: boolean; min?: number; max?: number }
  | { name: string; label: string; kind: 'checkbox'; span?: 1 | 2 }
  | { name: string; label: string; kind: 'select'; options: { value: string; label: string }[]; required?: boolean; clearable?: boolean; span?: 1 | 2 }
  | { name: string; label: string; kind: 'multiselect'; options: { value: string; label: string }[]; required?: boolean; placeholder?: string; span?: 1 | 2 }
  | { name: string; label: string; kind: 'heading' }
  | { name: string; label: string; kind: 'ref'; entity: EntityName; labelOf: (r: Row) => string; filters?: Record<string, string | number | null>; required?: boolean; clearable?: boolean; span?: 1 | 2 };

export type Values = Record<string, unknown>;

/** "pupil.full_name" → "full_name": fields are flat, a call's input may be nested. */
function fieldOf(path: readonly PropertyKey[] | string): string {
  const parts = typeof path === 'string' ? path.split('.') : path.map(String);
  return parts.filter((p) => !/^\d+$/.test(p)).pop() ?? '_';
}

export function emptyValues(fields: FieldSpec[]): Values {
  const v: Values = {};
  for (const f of fields) {
    if (f.kind === 'heading') continue;
    v[f.name] = f.kind === 'checkbox' ? false : f.kind === 'multiselect' ? [] : f.kind === 'number' || f.kind === 'date' || f.kind === 'ref' || f.kind === 'select' ? null : '';
  }
  return v;
}

/** Takes a stored row into form values (0/1 → booleans, JSON arrays → arrays). */
export function rowToValues(fields: FieldSpec[], row: Row): Values {
  const v: Values = { id: row.id };
  for (const f of fields) {
    if (f.kind === 'heading') continue;
    const x = row[f.name];
    if (f.kind === 'checkbox') v[f.name] = x === 1;
    else if (f.kind === 'multiselect') v[f.name] = typeof x === 'string' ? (JSON.parse(x) as string[]) : [];
    else if (f.kind === 'text' || f.kind === 'textarea') v[f.name] = x ?? '';
    else v[f.name] = x ?? null;
  }
  return v;
}

function RefSelect(props: { spec: Extract<FieldSpec, { kind: 'ref' }>; value: string | null; error?: string; onChange: (v: string | null) => void }) {
  const { value: list } = useCall('records.list', { entity: props.spec.entity, filters: props.spec.filters ?? {}, limit: 500 });
  const data = useMemo(() => (list?.rows ?? []).map((r) => ({ value: r.id, label: props.spec.labelOf(r) })), [list, props.spec]);
  return (
    <Select
      label={props.spec.label}
      withAsterisk={props.spec.required}
      data={data}
      value={props.value}
      onChange={props.onChange}
      searchable
      clearable={props.spec.clearable}
      nothingFoundMessage="Ничего не найдено"
      error={props.error}
      comboboxProps={{ withinPortal: true }}
    />
  );
}

interface CommonProps {
  fields: FieldSpec[];
  initial: Values;
  /** Fixed values not shown as fields (e.g. programme_id, event_id). */
  fixed?: Values;
  onSaved: (row: Row) => void;
  onCancel: () => void;
  onDirtyChange?: (dirty: boolean) => void;
  /** Runs when a field changes; may return other values to set (e.g. dates suggested from the timing text). */
  onFieldChange?: (name: string, value: unknown, values: Values) => Values | void;
  submitLabel?: string;
  submitColor?: string;
  extra?: ReactNode;
}

/** A record of one kind, checked by its kind's schema and saved through records.save. */
interface EntityTarget {
  entity: EntityName;
  schema?: undefined;
  toInput?: undefined;
  save?: undefined;
}

/** A call's input: checked by `schema`, shaped from the flat values by `toInput` (default: values and `fixed`). */
interface SchemaTarget<S extends z.ZodType> {
  entity?: undefined;
  schema: S;
  toInput?: (values: Values) => unknown;
  /** Sends what the schema produced; must throw CallError on refusal. */
  save: (input: z.output<S>) => Promise<unknown>;
}

export type RecordFormProps<S extends z.ZodType> = CommonProps & (EntityTarget | SchemaTarget<S>);

const saveSchema = contract['records.save'].input;

/** Longer than 80 lines on purpose: its JSX is the screen laid out top to bottom; the rules and figures it shows come from main. */
export function RecordForm<S extends z.ZodType>(props: RecordFormProps<S>) {
  const [values, setValues] = useState<Values>(props.initial);
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [banner, setBanner] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const { bump } = useDataVersion();
  const [saved, setSaved] = useState(false);
  const dirty = !saved && JSON.stringify(values) !== JSON.stringify(props.initial);
  useEffect(() => props.onDirtyChange?.(dirty), [dirty]); // eslint-disable-line react-hooks/exhaustive-deps
  // Navigation, a tab switch or closing the window asks before this form's changes are dropped.
  useUnsavedChanges(dirty);

  const set = (name: string, value: unknown) => {
    setSaved(false);
    setValues((prev) => {
      const next = { ...prev, [name]: value };
      const more = props.onFieldChange?.(name, value, next);
      return more ? { ...next, ...more } : next;
    });
    setErrors((e) => ({ ...e, [name]: '' }));
  };

  /** Checks `input` with `schema`; sends what it produced, or shows its messages next to the fields. */
  const send = async <T extends z.ZodType>(schema: T, input: unknown, save: (value: z.output<T>) => Promise<unknown>) => {
    const parsed = schema.safeParse(input);
    if (!parsed.success) {
      const fe: Record<string, string> = {};
      for (const i of parsed.error.issues) fe[fieldOf(i.path)] ??= i.message;
      setErrors(fe);
      setBanner('Исправьте отмеченные поля. Ничего не сохранено.');
      return;
    }
    setBusy(true);
    try {
      const row = await save(parsed.data);
      setSaved(true);
      bump();
      props.onDirtyChange?.(false);
      props.onSaved(row as Row);
    } catch (e) {
      if (e instanceof CallError) {
        setBanner(e.message);
        if (e.fieldErrors) setErrors(Object.fromEntries(Object.entries(e.fieldErrors).map(([k, m]) => [fieldOf(k), m])));
      } else setBanner('Не удалось сохранить. Данные не изменены.');
    } finally {
      setBusy(false);
    }
  };

  const submit = async () => {
    const { schema, toInput, save, entity } = props;
    const v = { ...values, ...props.fixed };
    if (!v.id) delete v.id;
    if (schema && save) await send(schema, toInput ? toInput(values) : v, save);
    else if (entity) await send(saveSchema, { entity, value: v }, (input) => call('records.save', input));
  };

  const field = (f: FieldSpec) => {
    if (f.kind === 'heading') return <Divider label={<Text fw={600} size="sm" c="dark">{f.label}</Text>} labelPosition="left" mt="xs" />;
    const err = errors[f.name] || undefined;
    const common = { label: f.label, error: err };
    const req = 'required' in f && f.required;
    switch (f.kind) {
      case 'text':
        return <TextInput {...common} withAsterisk={req} placeholder={f.placeholder} description={f.description} value={String(values[f.name] ?? '')} onChange={(e) => set(f.name, e.currentTarget.value)} />;
      case 'textarea': {
        const text = String(values[f.name] ?? '');
        return (
          <div>
            <GrowingTextarea {...common} withAsterisk={req} description={f.description} minRows={2} maxRows={8} value={text} onChange={(e) => set(f.name, e.currentTarget.value)} />
            {f.max && <LengthCounter length={text.length} max={f.max} />}
          </div>
        );
      }
      case 'date':
        return <TypedDateInput label={f.label} error={err} required={req} description={f.description} value={(values[f.name] as string | null) ?? null} onChange={(v) => set(f.name, v)} />;
      case 'number':
        return (
          <NumberInput
            {...common}
            withAsterisk={req}
            decimalSeparator=","
            allowDecimal={!!f.decimal}
            min={f.min}
            max={f.max}
            value={(values[f.name] as number | null) ?? ''}
            onChange={(v) => set(f.name, v === '' || v === null ? null : Number(v))}
          />
        );
      case 'checkbox':
        return <Checkbox {...common} mt="md" checked={!!values[f.name]} onChange={(e) => set(f.name, e.currentTarget.checked)} />;
      case 'select':
        return <Select {...common} withAsterisk={req} data={f.options} value={(values[f.name] as string | null) ?? null} onChange={(v) => set(f.name, v)} clearable={f.clearable} allowDeselect={false} comboboxProps={{ withinPortal: true }} />;
      case 'multiselect':
        return (
          <MultiSelect
            {...common}
            withAsterisk={req}
            placeholder={(values[f.name] as string[] | undefined)?.length ? undefined : f.placeholder}
            data={f.options}
            value={(values[f.name] as string[]) ?? []}
            onChange={(v) => set(f.name, v)}
            comboboxProps={{ withinPortal: true, zIndex: 1000 }}
          />
        );
      case 'ref':
        return <RefSelect key={f.name} spec={f} value={(values[f.name] as string | null) ?? null} error={err} onChange={(v) => set(f.name, v)} />;
    }
  };

  return (
    <form
      onSubmit={(e) => {
        e.preventDefault();
        void submit();
      }}
      // Enter saves from a one-line field (the form's submit); in a multi-line field Enter is a new line, Ctrl+Enter saves.
      onKeyDown={(e) => {
        if (e.key === 'Enter' && (e.ctrlKey || e.metaKey)) {
          e.preventDefault();
          void submit();
        }
      }}
      noValidate
    >
      <Stack gap="sm">
        {banner && <Alert color="red" title="Не сохранено" data-testid="form-error">{banner}</Alert>}
        <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="sm">
          {props.fields.filter((f) => !f.showIf || f.showIf(values)).map((f) => (
            <div key={f.name} style={{ gridColumn: f.kind === 'heading' || f.kind === 'textarea' || ('span' in f && f.span === 2) ? '1 / -1' : undefined }}>{field(f)}</div>
          ))}
        </SimpleGrid>
        {props.extra}
        <Group justify="flex-end" mt="sm">
          <Button variant="default" onClick={props.onCancel}>Отмена</Button>
          <Button type="submit" loading={busy} color={props.submitColor}>{props.submitLabel ?? 'Сохранить'}</Button>
        </Group>
      </Stack>
    </form>
  );
}

/** A modal around RecordForm that asks before throwing away unsaved changes. */
export function FormModal(props: { opened: boolean; title: string; onClose: () => void; children: (setDirty: (d: boolean) => void, close: () => void) => ReactNode; size?: string }) {
  const [dirty, setDirty] = useState(false);
  const [asking, setAsking] = useState(false);
  useEffect(() => {
    if (!props.opened) setDirty(false);
  }, [props.opened]);
  const tryClose = () => (dirty ? setAsking(true) : props.onClose());
  return (
    <>
      {/* ✕ stays out of the Tab order: the first Tab is in the form, and Esc closes (asking if changed). */}
      <Modal opened={props.opened} onClose={tryClose} title={<Text fw={600}>{props.title}</Text>} size={props.size ?? 'xl'} closeButtonProps={{ 'aria-label': 'Закрыть', tabIndex: -1 }}>
        {props.opened && props.children(setDirty, tryClose)}
      </Modal>
      {/* Not closed by Esc: the Esc that opened this question must not answer it in the same key press. */}
      <Modal opened={asking} onClose={() => setAsking(false)} closeOnEscape={false} title={<Text fw={600}>Несохранённые изменения</Text>} centered zIndex={400}>
        <Text mb="md">В форме есть несохранённые изменения. Закрыть её без сохранения?</Text>
        <Group justify="flex-end">
          <Button variant="default" onClick={() => setAsking(false)}>Продолжить редактирование</Button>
          <Button color="red" onClick={() => { setAsking(false); setDirty(false); props.onClose(); }}>Закрыть без сохранения</Button>
        </Group>
      </Modal>
    </>
  );
}

/**
 * Under a long text: how long it is and the limit, in red with the reason once over it — so the limit is seen
 * while typing, not learnt from a refusal after «Сохранить».
 */
function LengthCounter({ length, max }: { length: number; max: number }) {
  const n = (x: number) => x.toLocaleString('ru-RU');
  const signs = (x: number) => count(x, ['знак', 'знака', 'знаков']);
  const over = length > max;
  return (
    <Text size="xs" c={over ? 'red' : 'dimmed'} ta="right" mt={2} data-testid="length-counter">
      {over ? `Слишком длинно: ${signs(length)}, можно не больше ${n(max)}. Сократите на ${signs(length - max)}.` : length ? `${n(length)} из ${n(max)} знаков` : `До ${signs(max)}`}
    </Text>
  );
}
