/**
 * «Что уходит в управление образования»: before the school's file is written, every outgoing text that is new or
 * changed since the last file, by record and field; what looks like a pupil's name or birth date is marked, and
 * «Заменить кодом» replaces it in one value (or in all). The automatic check stays behind it as a second net.
 */
import { Alert, Anchor, Badge, Button, Group, Mark, Modal, Paper, ScrollArea, Stack, Text } from '@mantine/core';
import { openRecord } from '../../app/openRecord';
import type { OutgoingReview as Review, ReviewItem } from '../../../../preload/contract/index';
import { NOUNS } from '../../../../common/nouns';
import { count } from '../../../../common/format';

function Marked({ item }: { item: ReviewItem }) {
  const parts: React.ReactNode[] = [];
  let at = 0;
  item.marks.forEach((m, i) => {
    parts.push(item.text.slice(at, m.start));
    parts.push(<Mark key={i} color="red.2" fw={600} title={m.kind === 'name' ? 'Похоже на фамилию или имя обучающегося' : 'Похоже на дату рождения обучающегося'}>{item.text.slice(m.start, m.end)}</Mark>);
    at = m.end;
  });
  parts.push(item.text.slice(at));
  return <Text size="sm" style={{ whiteSpace: 'pre-wrap', overflowWrap: 'anywhere' }}>{parts}</Text>;
}

export function OutgoingReviewModal({ review, busy, onReplaceOne, onReplaceAll, onWrite, onClose, writeLabel }: {
  review: Review | null; busy: boolean; writeLabel: string;
  onReplaceOne: (item: ReviewItem) => void; onReplaceAll: () => void; onWrite: () => void; onClose: () => void;
}) {
  if (!review) return null;
  const hidden = review.total - review.items.length;
  return (
    <Modal opened onClose={onClose} size="xl" title={<Text fw={600}>Что уйдёт в управление образования</Text>} data-testid="outgoing-review">
      <Stack gap="sm">
        <Text size="sm">
          {review.firstFile ? 'Это первая выгрузка: уходят все тексты программы, кадров и журнала' : 'С прошлой выгрузки появились или изменились'}{' '}
          — {count(review.total, NOUNS.text)}. Прочитайте их: ФИО, даты рождения и другие сведения об обучающихся
          не должны уходить из школы. Тексты записей группы риска и одарённых детей остаются в школе и здесь не показаны.
        </Text>
        {review.flagged > 0 ? (
          <Alert color="red" title={`Похоже на ФИО или дату рождения обучающегося: ${review.flagged}`}>
            <Text size="sm">Выделенное будет заменено кодом «обучающийся № N» (дата — словами «дата рождения не указывается»). Пока выделенное есть, файл не записывается.</Text>
            <Button mt="xs" color="red" variant="light" loading={busy} onClick={onReplaceAll} data-testid="exchange-replace-names">Заменить всё выделенное кодами</Button>
          </Alert>
        ) : (
          <Alert color="teal">Похожего на ФИО или дату рождения обучающегося не найдено. Программа ищет по списку обучающихся школы, но может не узнать необычное написание — прочитайте тексты сами.</Alert>
        )}
        <ScrollArea.Autosize mah="52vh" type="auto">
          <Stack gap={6}>
            {review.items.map((it) => (
              <Paper key={`${it.table}|${it.id}|${it.column}`} withBorder p="xs" data-testid="review-item" bg={it.marks.length ? 'red.0' : undefined}>
                <Group justify="space-between" align="flex-start" wrap="nowrap" gap="xs">
                  <Stack gap={2} style={{ minWidth: 0 }}>
                    <Text size="xs" c="dimmed">{it.record} — {it.field}</Text>
                    <Marked item={it} />
                    {it.pupils?.map((p) => (
                      <Group key={p.code} gap={6} data-testid="review-pupil">
                        <Text size="xs">Похоже на ФИО: {p.code}</Text>
                        {p.open
                          ? <Anchor component="button" type="button" size="xs" onClick={() => { onClose(); openRecord(p.open!); }}>открыть запись ({p.open.table === 'risk_entry' ? 'группа риска' : 'одарённые дети'})</Anchor>
                          : <Text size="xs" c="dimmed">(нет ни в группе риска, ни в списке одарённых)</Text>}
                      </Group>
                    ))}
                  </Stack>
                  {it.marks.length > 0 && (
                    <Button size="xs" variant="light" color="red" loading={busy} onClick={() => onReplaceOne(it)} style={{ flexShrink: 0 }}>Заменить кодом</Button>
                  )}
                </Group>
              </Paper>
            ))}
            {hidden > 0 && <Text size="sm" c="dimmed">…и ещё {count(hidden, NOUNS.text)} без похожего на ФИО или дату рождения — их можно посмотреть в разделах программы, кадров и журнала.</Text>}
          </Stack>
        </ScrollArea.Autosize>
        <Group justify="flex-end">
          <Button variant="default" onClick={onClose}>Отмена</Button>
          <Button onClick={onWrite} loading={busy} disabled={review.flagged > 0} data-testid="review-write">{writeLabel}</Button>
        </Group>
        {review.flagged > 0 && <Badge color="red" variant="light" style={{ alignSelf: 'flex-end' }}>Сначала замените выделенное</Badge>}
      </Stack>
    </Modal>
  );
}
