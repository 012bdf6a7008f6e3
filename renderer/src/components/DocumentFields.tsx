/** Small pieces the municipality's journal, groups and documents share: a Russian date field, a name field with its ГОСТ preview, editable rows. */
import { useState, type ReactNode } from 'react';
import { TextInput, Text, Group, ActionIcon, Button, Stack, Card, Title, Tooltip } from '@mantine/core';
import { IconPlus, IconTrash, IconArrowUp } from '@tabler/icons-react';
import { TypedDateInput } from './TypedDateInput';
import { parsePersonName, signatureName, listName, fullName } from '../../../common/person-name';

export function DateField({ label, value, onChange, required, testId, error }: { label: string; value: string | null | undefined; onChange: (v: string | null) => void; required?: boolean; testId?: string; error?: string }) {
  return <TypedDateInput label={label} required={required} value={value} onChange={onChange} testId={testId} error={error} />;
}

export interface NameParts { surname: string; first_name: string; patronymic: string }
export const joinName = (n: { [K in keyof NameParts]?: string | null }) => fullName({ surname: n.surname ?? '', name: n.first_name ?? '', patronymic: n.patronymic ?? '' });

/**
 * One field for a person's name however it is typed («Н.Г. Гвоздкова», «Гвоздкова Наталья Геннадьевна»…),
 * stored as surname, name and patronymic, with the forms it will print in shown underneath.
 */
export function NameField({ label, value, onChange, required, testId }: { label: string; value: { [K in keyof NameParts]?: string | null }; onChange: (v: NameParts) => void; required?: boolean; testId?: string }) {
  const [text, setText] = useState(() => joinName(value));
  const parsed = parsePersonName(text);
  return (
    <TextInput label={label} withAsterisk={required} value={text} data-testid={testId}
      placeholder="Например: Гвоздкова Наталья Геннадьевна или Н.Г. Гвоздкова"
      description={text.trim() ? (parsed ? `Подпись: ${signatureName(parsed)} · в списке: ${listName(parsed)}` : 'Не похоже на фамилию и инициалы — проверьте') : undefined}
      onChange={(e) => {
        const t = e.currentTarget.value;
        setText(t);
        const n = parsePersonName(t);
        onChange(n ? { surname: n.surname, first_name: n.name, patronymic: n.patronymic } : { surname: t.trim(), first_name: '', patronymic: '' });
      }} />
  );
}

/** A section of a document-like editor: a title, its rows and an «Добавить» button. */
export function RowsEditor<T>({ title, hint, rows, onChange, make, addLabel, render, testId }: {
  title: string; hint?: string; rows: T[]; onChange: (rows: T[]) => void; make: () => T; addLabel: string;
  render: (row: T, set: (patch: Partial<T>) => void, index: number) => ReactNode; testId?: string;
}) {
  const set = (i: number) => (patch: Partial<T>) => onChange(rows.map((r, k) => (k === i ? { ...r, ...patch } : r)));
  const up = (i: number) => { if (i > 0) { const next = [...rows]; [next[i - 1], next[i]] = [next[i]!, next[i - 1]!]; onChange(next); } };
  return (
    <Card withBorder data-testid={testId}>
      <Stack gap="xs">
        <Group justify="space-between">
          <Title order={5}>{title} {rows.length ? <Text span c="dimmed" size="sm">({rows.length})</Text> : null}</Title>
          <Button size="xs" variant="light" leftSection={<IconPlus size={14} />} onClick={() => onChange([...rows, make()])} data-testid={testId ? `${testId}-add` : undefined}>{addLabel}</Button>
        </Group>
        {hint && !rows.length && <Text size="sm" c="dimmed">{hint}</Text>}
        {rows.map((r, i) => (
          <Group key={i} align="flex-start" wrap="nowrap" gap="xs" data-testid={testId ? `${testId}-row` : undefined}>
            <Text w={24} pt={28} size="sm" c="dimmed">{i + 1}.</Text>
            <Stack gap={6} style={{ flex: 1 }}>{render(r, set(i), i)}</Stack>
            <Stack gap={4} pt={24}>
              <Tooltip label="Выше"><ActionIcon variant="subtle" aria-label="Переместить выше" disabled={i === 0} onClick={() => up(i)}><IconArrowUp size={16} /></ActionIcon></Tooltip>
              <Tooltip label="Убрать"><ActionIcon variant="subtle" color="red" aria-label="Убрать строку" onClick={() => onChange(rows.filter((_, k) => k !== i))}><IconTrash size={16} /></ActionIcon></Tooltip>
            </Stack>
          </Group>
        ))}
      </Stack>
    </Card>
  );
}
