/**
 * A form over any call whose input is checked by a zod schema of the contract (e.g. riskGroup.include,
 * which writes two records at once). Values are flat; `toInput` shapes them into the call's input.
 * Messages — the local ones and those main sends back ("pupil.full_name") — land next to the field.
 */
import { useEffect, useState } from 'react';
import { TextInput, Textarea, MultiSelect, Button, Group, Alert, Stack, SimpleGrid, Text, Divider } from '@mantine/core';
import { DateInput } from '@mantine/dates';
import { CallError } from '../../app/api';
import { useDataVersion } from '../../app/data';
import { parseRuDate } from '../../../../common/format';

export type SchemaField =
  | { name: string; label: string; kind: 'text' | 'textarea'; required?: boolean; placeholder?: string; description?: string; span?: 1 | 2 }
  | { name: string; label: string; kind: 'date'; required?: boolean; span?: 1 | 2 }
  | { name: string; label: string; kind: 'multiselect'; options: { value: string; label: string }[]; required?: boolean; placeholder?: string; span?: 1 | 2 }
  | { name: string; label: string; kind: 'heading' };

export type FormValues = Record<string, unknown>;

interface Schema {
  safeParse(v: unknown): { success: boolean; error?: { issues: { path: PropertyKey[]; message: string }[] } };
}

/** "pupil.full_name" → "full_name": fields are flat, the call's input may be nested. */
function fieldOf(path: readonly PropertyKey[] | string): string {
  const parts = typeof path === 'string' ? path.split('.') : path.map(String);
  return parts.filter((p) => !/^\d+$/.test(p)).pop() ?? '_';
}

export function SchemaForm(props: {
  fields: SchemaField[];
  initial: FormValues;
  schema: Schema;
  toInput: (values: FormValues) => unknown;
  save: (input: unknown) => Promise<unknown>;
  onSaved: () => void;
  onCancel: () => void;
  onDirtyChange?: (dirty: boolean) => void;
  submitLabel: string;
  submitColor?: string;
}) {
  const [values, setValues] = useState<FormValues>(props.initial);
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [banner, setBanner] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const { bump } = useDataVersion();
  const dirty = JSON.stringify(values) !== JSON.stringify(props.initial);
  useEffect(() => props.onDirtyChange?.(dirty), [dirty]); // eslint-disable-line react-hooks/exhaustive-deps

  const set = (name: string, value: unknown) => {
    setValues((v) => ({ ...v, [name]: value }));
    setErrors((e) => ({ ...e, [name]: '' }));
  };

  const submit = async () => {
    const input = props.toInput(values);
    const parsed = props.schema.safeParse(input);
    if (!parsed.success) {
      const fe: Record<string, string> = {};
      for (const i of parsed.error!.issues) fe[fieldOf(i.path)] ??= i.message;
      setErrors(fe);
      setBanner('Исправьте отмеченные поля. Ничего не сохранено.');
      return;
    }
    setBusy(true);
    try {
      await props.save(input);
      bump();
      props.onDirtyChange?.(false);
      props.onSaved();
    } catch (e) {
      if (e instanceof CallError) {
        setBanner(e.message);
        if (e.fieldErrors) setErrors(Object.fromEntries(Object.entries(e.fieldErrors).map(([k, m]) => [fieldOf(k), m])));
      } else setBanner('Не удалось сохранить. Данные не изменены.');
    } finally {
      setBusy(false);
    }
  };

  const field = (f: SchemaField) => {
    if (f.kind === 'heading') return <Divider label={<Text fw={600} size="sm" c="dark">{f.label}</Text>} labelPosition="left" mt="xs" />;
    const err = errors[f.name] || undefined;
    const req = 'required' in f && f.required;
    switch (f.kind) {
      case 'text':
        return <TextInput label={f.label} error={err} withAsterisk={req} placeholder={f.placeholder} description={f.description} value={String(values[f.name] ?? '')} onChange={(e) => set(f.name, e.currentTarget.value)} />;
      case 'textarea':
        return <Textarea label={f.label} error={err} withAsterisk={req} placeholder={f.placeholder} description={f.description} autosize minRows={2} maxRows={8} value={String(values[f.name] ?? '')} onChange={(e) => set(f.name, e.currentTarget.value)} />;
      case 'date':
        return (
          <DateInput
            label={f.label}
            error={err}
            withAsterisk={req}
            valueFormat="DD.MM.YYYY"
            placeholder="ДД.ММ.ГГГГ"
            dateParser={(s) => parseRuDate(s)}
            clearable
            value={(values[f.name] as string | null) ?? null}
            onChange={(v) => set(f.name, v ?? null)}
            popoverProps={{ withinPortal: true, zIndex: 1000 }}
          />
        );
      case 'multiselect':
        return (
          <MultiSelect
            label={f.label}
            error={err}
            withAsterisk={req}
            placeholder={(values[f.name] as string[] | undefined)?.length ? undefined : f.placeholder}
            data={f.options}
            value={(values[f.name] as string[]) ?? []}
            onChange={(v) => set(f.name, v)}
            comboboxProps={{ withinPortal: true, zIndex: 1000 }}
          />
        );
    }
  };

  return (
    <form onSubmit={(e) => { e.preventDefault(); void submit(); }} noValidate>
      <Stack gap="sm">
        {banner && <Alert color="red" title="Не сохранено" data-testid="form-error">{banner}</Alert>}
        <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="sm">
          {props.fields.map((f) => (
            <div key={f.name} style={{ gridColumn: f.kind === 'heading' || f.kind === 'textarea' || ('span' in f && f.span === 2) ? '1 / -1' : undefined }}>{field(f)}</div>
          ))}
        </SimpleGrid>
        <Group justify="flex-end" mt="sm">
          <Button variant="default" onClick={props.onCancel}>Отмена</Button>
          <Button type="submit" loading={busy} color={props.submitColor}>{props.submitLabel}</Button>
        </Group>
      </Stack>
    </form>
  );
}
