import { useState } from 'react';
import { Button, Select, Checkbox, Group, Switch, Text } from '@mantine/core';
import { IconPlus } from '@tabler/icons-react';
import { RecordTable, type Column } from '../../components/RecordTable';
import { RecordForm, FormModal, emptyValues, rowToValues } from '../../components/RecordForm';
import { ActivityStatusBadge } from '../../components/Labels';
import { DeleteButton } from '../../components/DeleteButton';
import { useCall } from '../../app/data';
import { activityStatus } from '../../../../common/labels';
import { formatDate } from '../../../../common/format';
import { parseTiming } from '../../../../common/timing';
import type { Row } from '../../../../preload/contract/index';
import { activityFields } from './fields';
import { useEditor } from './useEditor';

export function ActivitiesTab({ programme }: { programme: Row }) {
  const ed = useEditor();
  const [direction, setDirection] = useState<string | null>(null);
  const [status, setStatus] = useState<string | null>(null);
  const [overdue, setOverdue] = useState(false);
  const [grouped, setGrouped] = useState(false);
  const { value: directions } = useCall('records.list', { entity: 'direction', filters: { programme_id: programme.id }, limit: 100 });
  // the curator's comments (they come down in the municipality's exchange file) are shown where the work is
  const { value: fromMun } = useCall('fromMunicipality.get', {});
  const comments = new Map<string, { text: string; author: string; written_on: string }[]>();
  for (const c of fromMun?.comments ?? []) comments.set(c.activity_id, [...(comments.get(c.activity_id) ?? []), c]);
  const fields = activityFields(programme.id);
  const filters: Record<string, string | number | null> = { programme_id: programme.id };
  if (direction) filters.direction_id = direction;
  if (status) filters.status = status;
  if (overdue) filters.overdue = 1;

  return (
    <>
      <RecordTable
        entity="activity"
        testId="activities"
        filters={filters}
        noun={['мероприятие', 'мероприятия', 'мероприятий']}
        searchPlaceholder="Поиск по названию, направлению, ответственным, отметке"
        onOpen={ed.openRow}
        pageScroll
        group={grouped ? { sort: 'direction', of: (r) => (r.direction_title ? String(r.direction_title) : 'Без направления') } : undefined}
        toolbar={
          <>
            <Select placeholder="Все направления" aria-label="Направление" data={(directions?.rows ?? []).map((d) => ({ value: d.id, label: String(d.title) }))} value={direction} onChange={setDirection} clearable w={240} />
            <Select placeholder="Любой статус" aria-label="Статус" data={activityStatus.options} value={status} onChange={setStatus} clearable w={180} />
            <Checkbox label="Только просроченные" checked={overdue} onChange={(e) => setOverdue(e.currentTarget.checked)} />
            <Switch label="Группировать по направлениям" checked={grouped} onChange={(e) => setGrouped(e.currentTarget.checked)} data-testid="group-by-direction" />
            <Button leftSection={<IconPlus size={16} />} onClick={ed.openNew} ml="auto">Добавить мероприятие</Button>
          </>
        }
        // Grouped, the heading rows say the direction: its column would repeat it on every row.
        columns={([
          { key: 'number', title: '№', sort: 'number', width: 50 },
          { key: 'title', title: 'Мероприятие', sort: 'title', render: (r) => (
            <>
              <Text size="sm">{r.title}</Text>
              {comments.get(r.id)?.map((c, i) => <Text key={i} size="xs" c="grape">Куратор ({formatDate(c.written_on)}): {c.text}</Text>)}
            </>
          ) },
          // Two lines at most (the whole text on hover), here and in «Ответственные»: a row stays two lines high, so a
          // 768-pixel screen shows eight or more (seed 000's directions run to 80 characters).
          { key: 'direction_title', title: 'Направление', sort: 'direction_title', width: 160, render: (r) => (r.direction_title ? <Text size="xs" lineClamp={2} title={String(r.direction_title)}>{r.direction_title}</Text> : <Text size="xs" c="dimmed">не указано</Text>) },
          { key: 'timing_text', title: 'Сроки', sort: 'date_to', width: 140, render: (r) => (<><Text size="sm" c={r.timing_text ? undefined : 'dimmed'}>{r.timing_text || 'Без срока'}</Text>{r.date_to && r.timing_kind !== 'date' && r.timing_kind !== 'deadline' && <Text size="xs" c="dimmed" style={{ whiteSpace: 'nowrap' }}>контроль: {formatDate(String(r.date_to))}</Text>}</>) },
          { key: 'responsible', title: 'Ответственные', width: 170, render: (r) => <Text size="xs" lineClamp={2} title={String(r.responsible ?? '')}>{r.responsible}</Text> },
          // The mark under the status: most rows have none yet, and an empty column of its own took the title's width.
          { key: 'status', title: 'Выполнение', sort: 'status', width: 170, render: (r) => (
            <>
              <ActivityStatusBadge status={String(r.status)} overdue={r.overdue === 1} />
              {r.completion_mark && <Text size="xs" c="dimmed" lineClamp={2} title={String(r.completion_mark)} mt={2}>{r.completion_mark}</Text>}
            </>
          ) },
        ] satisfies Column[]).filter((c) => !grouped || c.key !== 'direction_title')}
      />
      <FormModal opened={!!ed.editing} title={ed.isNew ? 'Новое мероприятие программы' : 'Мероприятие программы'} onClose={ed.close}>
        {(setDirty, close) => (
          <RecordForm
            entity="activity"
            fields={fields}
            initial={ed.row ? rowToValues(fields, ed.row) : { ...emptyValues(fields), status: 'planned', timing_kind: 'none', direction_id: direction }}
            fixed={{ programme_id: programme.id }}
            onDirtyChange={setDirty}
            onSaved={ed.close}
            onCancel={close}
            onFieldChange={(name, value) => {
              // «Без срока» chosen by hand: no control date is left behind to make the activity overdue.
              if (name === 'timing_kind' && value === 'none') return { date_from: null, date_to: null };
              if (name !== 'timing_text') return;
              const t = parseTiming(String(value), Number(programme.year_from));
              return { timing_kind: t.kind, date_from: t.dateFrom, date_to: t.dateTo };
            }}
            extra={ed.row ? <Group><DeleteButton entity="activity" id={ed.row.id} onDone={ed.close} warning="Мероприятие будет удалено из программы; связи с записями журнала тоже." /></Group> : undefined}
          />
        )}
      </FormModal>
    </>
  );
}
