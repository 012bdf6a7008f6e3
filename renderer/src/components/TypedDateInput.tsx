/**
 * The one date field of the app. It reads what is typed through common/dates.ts («01.09.20», «01,09,2020»,
 * «01092020», «2020-09-01», «1 сентября 2020») and keeps the text as typed while it cannot: the value it reports
 * is the ISO day, null for an empty field, or the typed text itself — so a form sends that text, the contract
 * refuses it with the same Russian message, and nothing typed is dropped or saved as «no date». Mantine's
 * DateInput, used before, put back the last good value on blur, which silently emptied an optional date.
 */
import { lazy, Suspense, useEffect, useState } from 'react';
import { TextInput, Popover, ActionIcon, Center, Loader } from '@mantine/core';
import { IconCalendar } from '@tabler/icons-react';
import { parseTypedDate } from '../../../common/dates';
import { formatDate, isRealDate } from '../../../common/format';

export interface TypedDateInputProps {
  label: string;
  /** An ISO day, null, or text that is not a date yet (kept as typed). */
  value: string | null | undefined;
  onChange: (value: string | null) => void;
  required?: boolean;
  /** A message from the form (e.g. the contract's: a required date left empty, an end before the start). */
  error?: string;
  description?: string;
  testId?: string;
}

const DatePicker = lazy(() => import('./datePickerModule').then((m) => ({ default: m.DatePicker })));

const shown = (v: string | null | undefined) => (v ? (isRealDate(v) ? formatDate(v) : v) : '');

/** What a text means as a value: the ISO day, null when empty, or the text itself when it is not a date. */
export function dateValueOf(text: string): string | null {
  const r = parseTypedDate(text);
  return r.ok ? r.iso : text;
}

/** The ISO day of a date field's value, or null when it is empty or not a date (for filters and periods). */
export const isoOrNull = (v: string | null | undefined): string | null => (v && isRealDate(v) ? v : null);

/** The Russian message for a date field's value that is not a date, or null. */
export function dateProblem(v: string | null | undefined): string | null {
  if (!v || isRealDate(v)) return null;
  const r = parseTypedDate(v);
  return r.ok ? null : r.message;
}

export function TypedDateInput({ label, value, onChange, required, error, description, testId }: TypedDateInputProps) {
  const [text, setText] = useState(() => shown(value));
  const [left, setLeft] = useState(false);
  const [open, setOpen] = useState(false);
  // A value set from outside (dates suggested from «Сроки», a cleared form) replaces the text; our own report does not.
  useEffect(() => {
    if ((value ?? null) !== dateValueOf(text)) setText(shown(value));
  }, [value]); // eslint-disable-line react-hooks/exhaustive-deps

  const parsed = parseTypedDate(text);
  const own = left && !parsed.ok ? parsed.message : undefined;
  const iso = parsed.ok ? parsed.iso : null;

  return (
    <TextInput
      label={label}
      withAsterisk={required}
      description={description}
      placeholder="ДД.ММ.ГГГГ"
      autoComplete="off"
      value={text}
      // The field's own reading says what is wrong without repeating the label the form's message carries.
      error={own || error}
      data-testid={testId}
      onChange={(e) => {
        const t = e.currentTarget.value;
        setText(t);
        onChange(dateValueOf(t));
      }}
      onBlur={() => {
        setLeft(true);
        // «01,09,20» becomes «01.09.2020» once the field is left: the user sees the day it was read as.
        if (iso) setText(formatDate(iso));
      }}
      rightSection={
        <Popover opened={open} onChange={setOpen} position="top-end" withinPortal zIndex={1000} shadow="md">
          <Popover.Target>
            <ActionIcon variant="subtle" color="gray" aria-label="Календарь" title="Выбрать день в календаре" tabIndex={-1} onClick={() => setOpen((o) => !o)}>
              <IconCalendar size={16} />
            </ActionIcon>
          </Popover.Target>
          <Popover.Dropdown>
            {/* The calendar's own size while its script arrives, so the popover does not jump. */}
            <Suspense fallback={<Center w={252} h={280}><Loader size="sm" /></Center>}>
            <DatePicker
              value={iso}
              defaultDate={iso ?? undefined}
              onChange={(d) => {
                const day = d ? String(d).slice(0, 10) : null;
                setText(shown(day));
                setLeft(false);
                onChange(day);
                setOpen(false);
              }}
            />
            </Suspense>
          </Popover.Dropdown>
        </Popover>
      }
    />
  );
}
