/**
 * One mark dialog for everything the department asks of the school — its assignments and its roadmap
 * activities: the same three answers, the date and a note, so the school learns one way to report back.
 * The caller says what is marked and how the mark is saved.
 */
import { useEffect, useState } from 'react';
import { Stack, Text, SegmentedControl, Group, Button, Alert } from '@mantine/core';
import { FormModal } from '../../components/RecordForm';
import { DateField } from '../../components/DocumentFields';
import { call, CallError } from '../../app/api';
import { useDataVersion } from '../../app/data';
import { notifyOk } from '../../app/notify';
import { ASSIGNMENT_MARK } from '../../../../common/meeting-labels';
import { GrowingTextarea } from '../../components/GrowingTextarea';

export type MarkStatus = keyof typeof ASSIGNMENT_MARK;
export interface MarkValue { status: MarkStatus; on: string | null; note: string }
export interface MarkTarget {
  kind: 'assignment' | 'activity';
  id: string;
  title: string;
  details: string;
  initial: MarkValue;
}

const OPTIONS = (['done', 'in_progress', 'not_done'] as const).map((value) => ({ value, label: ASSIGNMENT_MARK[value] }));

async function saveMark(t: MarkTarget, v: MarkValue) {
  if (t.kind === 'assignment') await call('fromMunicipality.markAssignment', { assignmentId: t.id, status: v.status, done_on: v.on, note: v.note });
  else await call('fromMunicipality.mark', { activityId: t.id, status: v.status, completed_on: v.on, completion_mark: v.note });
}

function MarkForm({ target, onClose, onCancel, setDirty }: { target: MarkTarget; onClose: () => void; onCancel: () => void; setDirty: (d: boolean) => void }) {
  const [v, setV] = useState<MarkValue>(target.initial);
  const [error, setError] = useState<string | null>(null);
  const { bump } = useDataVersion();
  const i = target.initial;
  useEffect(() => setDirty(v.status !== i.status || v.on !== i.on || v.note !== i.note), [v, i, setDirty]);
  useEffect(() => setError(null), [v]);
  const save = async () => {
    // The same answer asks the same of the school for both kinds, whatever each service would let through.
    const missing = v.status === 'done' && !v.on ? 'Укажите дату выполнения.'
      : v.status !== 'in_progress' && !v.note.trim() ? (v.status === 'done' ? 'Напишите, что сделано.' : 'Напишите, почему не выполнено.') : null;
    if (missing) return setError(missing);
    try {
      await saveMark(target, v);
      setDirty(false);
      bump();
      notifyOk('Отметка сохранена. Она уйдёт в управление образования со следующим файлом обмена.');
      onClose();
    } catch (e) {
      setError(e instanceof CallError ? e.message : 'Не удалось сохранить.');
    }
  };
  return (
    <Stack data-testid="mark-form" onKeyDown={(e) => { if (e.key === 'Enter' && !(e.target instanceof HTMLTextAreaElement)) void save(); }}>
      <Text fw={600}>{target.title}</Text>
      <Text size="sm" c="dimmed">{target.details}</Text>
      {error && <Alert color="red" data-testid="form-error">{error}</Alert>}
      <SegmentedControl data={OPTIONS} value={v.status} onChange={(s) => setV({ ...v, status: s as MarkStatus })} data-testid="mark-status" />
      <DateField label={v.status === 'done' ? 'Дата выполнения' : 'Дата'} required={v.status === 'done'} value={v.on} onChange={(on) => setV({ ...v, on })} />
      <GrowingTextarea label={v.status === 'not_done' ? 'Почему не выполнено' : 'Что сделано'} description={v.status === 'not_done' ? 'Причина и что школа сделает дальше.' : 'Что сделано в школе, каким документом подтверждается.'}
        withAsterisk={v.status !== 'in_progress'} minRows={2} value={v.note} onChange={(e) => setV({ ...v, note: e.currentTarget.value })} data-testid="mark-note" />
      <Group justify="flex-end"><Button variant="default" onClick={onCancel}>Отмена</Button><Button onClick={() => void save()} data-testid="mark-save">Сохранить</Button></Group>
    </Stack>
  );
}

export function MarkDialog({ target, onClose }: { target: MarkTarget | null; onClose: () => void }) {
  return (
    <FormModal opened={!!target} onClose={onClose} title="Отметка для управления образования" size="lg">
      {(setDirty, close) => target && <MarkForm target={target} onClose={onClose} onCancel={close} setDirty={setDirty} />}
    </FormModal>
  );
}
