/** A school's merged data, read-only, with the curators' comments and the history of what arrived. */
import { schoolShortName } from '../../../../common/school-name';
import { Fragment, useState } from 'react';
import { Drawer, Stack, Title, Text, Group, Badge, Table, Button, Loader, Alert, SimpleGrid, Card, Tabs, Anchor } from '@mantine/core';
import { IconPaperclip } from '@tabler/icons-react';
import { useCall, useDataVersion } from '../../app/data';
import { call } from '../../app/api';
import { notifyError, notifyOk } from '../../app/notify';
import { formatDate, formatSize, count, daysAgo } from '../../../../common/format';
import { downloadBase64 } from '../../components/files';
import { activityStatus, riskCategory, eventKind, eventLevel } from '../../../../common/labels';
import { ATTENTION, groupText, levelShort } from '../../../../common/roster-labels';
import { ExcelButton } from '../../components/ExcelButton';
import { Term } from '../../components/Term';
import { programmeLabel, programmeState } from '../../../../common/programme-title';
import { GrowingTextarea } from '../../components/GrowingTextarea';

type Row = Record<string, string | number | null>;

const s = (v: unknown) => (v === null || v === undefined ? '' : String(v));

/** Longer than 80 lines on purpose: its JSX is the screen laid out top to bottom; the rules and figures it shows come from main. */
/** «ГК 2 (средний)», «ГК: нет информации» — the words once, never «нет информации (нет информации)». */
function groupBadge(name: string, group: number | null | undefined, level: string | null | undefined): string {
  return group !== null && group !== undefined ? `${name} ${group} (${levelShort(level)})` : `${name}: ${groupText(group, level)}`;
}

export function SchoolDrawer({ schoolId, onClose, onReport }: { schoolId: string | null; onClose: () => void; onReport?: (id: string) => void }) {
  const { value: d, error } = useCall('municipality.school', schoolId ? { schoolId } : null, [schoolId]);
  const openFile = async (id: string) => {
    try {
      const f = await call('municipality.schoolFile', { id });
      downloadBase64(f.file_name, f.dataBase64, f.mime);
    } catch (e) {
      notifyError(e);
    }
  };
  const { bump } = useDataVersion();
  const [comment, setComment] = useState('');
  const [busy, setBusy] = useState(false);
  const save = async () => {
    if (!schoolId || !comment.trim()) return;
    setBusy(true);
    try {
      await call('municipality.comment', { schoolId, text: comment, author: '' });
      setComment('');
      notifyOk('Комментарий сохранён; школа увидит его после следующей выгрузки.');
      bump();
    } catch (e) {
      notifyError(e);
    } finally {
      setBusy(false);
    }
  };
  const r = d?.roster;
  const today = d ? d.today : undefined;
  const byId = new Map((d?.programmes ?? []).map((p) => [s(p.id), p]));
  return (
    <Drawer opened={!!schoolId} onClose={onClose} position="right" size="xl" title={<Title order={3}>{r?.name ?? 'Школа'}</Title>} data-testid="school-drawer">
      {error && <Alert color="red">{error}</Alert>}
      {!d && !error && <Loader />}
      {d && r && (
        <Stack>
          <Group gap="xs">
            <Badge variant="light" tt="none">{r.cluster !== null && r.cluster !== undefined ? `Кластер ${r.cluster}` : 'Кластер: не указан'}</Badge>
            <Badge variant="light" tt="none">{groupBadge('ГК', r.quality_group, r.quality_level)}</Badge>
            <Badge variant="light" tt="none">{groupBadge('ГИСБШ', r.social_group, r.social_level)}</Badge><Term term="ГИСБШ" />
            {r.is_nor ? <Badge color="orange">НОР</Badge> : null}
            {r.is_nsu ? <Badge color="grape">НСУ</Badge> : null}
            {r.is_pilot ? <Badge color="teal">Пилотная площадка</Badge> : null}
            {r.partner_group_number ? <Badge color="gray">{r.partner_group_number} группа{r.is_resource_centre ? ', ресурсный центр' : ''}</Badge> : null}
          </Group>
          <Text size="sm">Куратор: {r.curator_name ?? 'не назначен'}. Данные получены: {d.row.lastBundleAt ? `${formatDate(d.row.lastBundleAt)} (${daysAgo(d.row.bundleAgeDays ?? 0)})` : 'ещё не поступали'}.</Text>
          <Text size="sm" data-testid="drawer-app-version">
            Версия «Опоры» в школе: {d.row.appVersion ? `${d.row.appVersion} (по последнему файлу)` : 'неизвестна — файлов от школы ещё не было'}.
            {d.row.appOutdated && <Text span c="orange.8"> Это старше вашей версии. Ваши файлы школа читает, пока в них нет ничего нового для неё; если ей понадобится обновление, экран выгрузки скажет об этом заранее.</Text>}
          </Text>
          {d.row.attention.length > 0 && <Alert color="red" title="Требует внимания">{d.row.attention.map((a) => ATTENTION[a as keyof typeof ATTENTION]).join('; ')}.</Alert>}
          <SimpleGrid cols={4}>
            <Card withBorder><Text size="xs" c="dimmed">Мероприятий выполнено</Text><Text fw={700}>{d.row.activitiesDone} из {d.row.activitiesTotal}</Text></Card>
            <Card withBorder><Text size="xs" c="dimmed">Просрочено</Text><Text fw={700} c={d.row.activitiesOverdue ? 'red' : undefined}>{d.row.activitiesOverdue}</Text></Card>
            <Card withBorder><Text size="xs" c="dimmed">С наставником</Text><Text fw={700}>{d.staff.needMentor ? `${d.staff.withMentor} из ${d.staff.needMentor}` : '—'}</Text></Card>
            <Card withBorder><Text size="xs" c="dimmed">Группа риска</Text><Text fw={700}>{d.row.riskTotal}</Text></Card>
          </SimpleGrid>
          {onReport && <Group><Button variant="light" onClick={() => onReport(r.id)} data-testid="drawer-report">Справка по школе…</Button></Group>}
          <Tabs defaultValue="activities" keepMounted={false}>
            <Tabs.List>
              <Tabs.Tab value="activities">{d.programmes.length > 1 ? `Программы (${d.programmes.length})` : 'Программа'}</Tabs.Tab>
              <Tabs.Tab value="people">Кадры и группа риска</Tabs.Tab>
              <Tabs.Tab value="events">Мероприятия</Tabs.Tab>
              <Tabs.Tab value="indicators">Показатели</Tabs.Tab>
              <Tabs.Tab value="comments">Комментарии ({d.comments.length})</Tabs.Tab>
              <Tabs.Tab value="bundles">Поступления</Tabs.Tab>
            </Tabs.List>
            <Tabs.Panel value="activities" pt="sm">
              <Group justify="space-between" mb="xs" align="flex-start" wrap="nowrap">
                <Stack gap={2} data-testid="drawer-programmes">
                  {d.programmes.length === 0 ? <Text size="sm">Программа не поступала.</Text>
                    : d.programmes.length === 1 ? <Text size="sm">Программа: {programmeLabel(d.programmes[0]!, today)}.</Text> : (
                      <>
                        <Text size="sm">Программы школы ({d.programmes.length}); мероприятия и итоги выше — по всем:</Text>
                        {d.programmes.map((p, i) => <Text size="sm" key={s(p.id)}>— {programmeLabel(p, today)}{i === 0 && !programmeState(p, today) ? ', текущая' : ''}</Text>)}
                      </>
                    )}
                </Stack>
                <div style={{ flexShrink: 0 }}>
                <ExcelButton title={`Мероприятия — ${schoolShortName(r.name, r.short_name)}`} rows={d.activities} columns={[
                  ...(d.programmes.length > 1 ? [{ key: 'p', header: 'Программа', value: (a: Row) => programmeLabel(byId.get(s(a.programme_id)) ?? {}, today) }] : []),
                  { key: 'n', header: '№', value: (a) => s(a.number) }, { key: 't', header: 'Мероприятие', value: (a) => s(a.title) },
                  { key: 'd', header: 'Сроки', value: (a) => s(a.timing_text) }, { key: 'r', header: 'Ответственные', value: (a) => s(a.responsible) },
                  { key: 'm', header: 'Отметка о выполнении', value: (a) => s(a.completion_mark) || activityStatus.labels[s(a.status) as keyof typeof activityStatus.labels] || '' },
                ]} />
                </div>
              </Group>
              <Table withTableBorder striped fz="sm" data-testid="drawer-activities">
                <Table.Thead><Table.Tr><Table.Th>№</Table.Th><Table.Th>Мероприятие</Table.Th><Table.Th>Сроки</Table.Th><Table.Th>Отметка о выполнении</Table.Th></Table.Tr></Table.Thead>
                <Table.Tbody>
                  {d.activities.map((a, i) => (
                    <Fragment key={s(a.id)}>
                      {d.programmes.length > 1 && a.programme_id !== d.activities[i - 1]?.programme_id && (
                        <Table.Tr data-testid="drawer-programme-row"><Table.Td colSpan={4} className="cell-wrap"><Text fw={600} size="sm">{programmeLabel(byId.get(s(a.programme_id)) ?? {}, today)}{a.programme_id === d.programmes[0]?.id && !programmeState(d.programmes[0] ?? {}, today) ? ', текущая' : ''}</Text></Table.Td></Table.Tr>
                      )}
                      <Table.Tr>
                        <Table.Td>{s(a.number)}</Table.Td>
                        <Table.Td className="cell-wrap">{s(a.title)}</Table.Td>
                        <Table.Td>{s(a.timing_text)}</Table.Td>
                        <Table.Td className={a.overdue ? 'cell-attention cell-wrap' : 'cell-wrap'}>{s(a.completion_mark) || (a.overdue ? `Срок истёк ${formatDate(s(a.date_to))}` : activityStatus.labels[s(a.status) as keyof typeof activityStatus.labels])}</Table.Td>
                      </Table.Tr>
                    </Fragment>
                  ))}
                </Table.Tbody>
              </Table>
            </Tabs.Panel>
            <Tabs.Panel value="people" pt="sm">
              <Text size="sm">Педагогов: {d.staff.total}; молодых специалистов — {d.staff.young}, вновь прибывших — {d.staff.arrived}. Курсы в этом учебном году: {d.courses.length}.</Text>
              <Title order={5} mt="sm">Группа риска по категориям (обезличенно)</Title>
              {d.riskByCategory.length === 0 ? <Text size="sm" c="dimmed">Нет обучающихся в группе риска.</Text> : (
                <Table withTableBorder fz="sm" w={420}>
                  <Table.Tbody>{d.riskByCategory.map((x) => <Table.Tr key={x.category}><Table.Td>{riskCategory.labels[x.category as keyof typeof riskCategory.labels] ?? x.category}</Table.Td><Table.Td>{x.count}</Table.Td></Table.Tr>)}</Table.Tbody>
                </Table>
              )}
            </Tabs.Panel>
            <Tabs.Panel value="events" pt="sm">
              <Table withTableBorder striped fz="sm">
                <Table.Thead><Table.Tr><Table.Th>Дата</Table.Th><Table.Th>Мероприятие</Table.Th><Table.Th>Вид</Table.Th><Table.Th>Уровень</Table.Th><Table.Th>Участников</Table.Th></Table.Tr></Table.Thead>
                <Table.Tbody>
                  {d.events.map((e) => (
                    <Table.Tr key={s(e.id)}>
                      <Table.Td>{formatDate(s(e.date_from))}</Table.Td>
                      <Table.Td className="cell-wrap">
                        {s(e.title)}
                        {d.files.filter((f) => f.event_id === e.id).map((f) => (
                          <Group key={f.id} gap={4} wrap="nowrap">
                            <IconPaperclip size={12} />
                            <Anchor component="button" type="button" size="xs" onClick={() => void openFile(f.id)} title="Открыть или сохранить файл" style={{ textAlign: 'left' }}>{f.file_name}</Anchor>
                            <Text size="xs" c="dimmed" style={{ whiteSpace: 'nowrap' }}>{formatSize(f.size)}</Text>
                          </Group>
                        ))}
                      </Table.Td>
                      <Table.Td>{eventKind.labels[s(e.kind) as keyof typeof eventKind.labels]}</Table.Td><Table.Td>{eventLevel.labels[s(e.level) as keyof typeof eventLevel.labels]}</Table.Td>
                      <Table.Td>{s(e.participants_count)}</Table.Td>
                    </Table.Tr>
                  ))}
                </Table.Tbody>
              </Table>
              {d.decisions.length > 0 && <Text size="sm" mt="sm">Неисполненных поручений: {d.decisions.length}.</Text>}
            </Tabs.Panel>
            <Tabs.Panel value="indicators" pt="sm">
              <Table withTableBorder fz="sm">
                <Table.Thead><Table.Tr><Table.Th>Показатель</Table.Th><Table.Th>Значения (факт / цель)</Table.Th></Table.Tr></Table.Thead>
                <Table.Tbody>
                  {d.indicators.map((i) => (
                    <Table.Tr key={i.title}><Table.Td>{i.title}</Table.Td><Table.Td>{i.values.map((v) => `${v.period}: ${v.actual ?? '—'} / ${v.target ?? '—'}`).join('; ')}</Table.Td></Table.Tr>
                  ))}
                </Table.Tbody>
              </Table>
            </Tabs.Panel>
            <Tabs.Panel value="comments" pt="sm">
              <Stack>
                {d.comments.map((c) => (
                  <Card key={s(c.id)} withBorder padding="sm"><Text size="xs" c="dimmed">{formatDate(s(c.written_on))}{c.author ? `, ${s(c.author)}` : ''}</Text><Text size="sm" className="cell-wrap">{s(c.text)}</Text></Card>
                ))}
                {d.comments.length === 0 && <Text size="sm" c="dimmed">Комментариев куратора пока нет.</Text>}
                <GrowingTextarea label="Комментарий куратора" minRows={2} value={comment} onChange={(e) => setComment(e.currentTarget.value)} data-testid="comment-text" />
                <Group><Button onClick={() => void save()} loading={busy} disabled={!comment.trim()} data-testid="comment-save">Добавить комментарий</Button></Group>
              </Stack>
            </Tabs.Panel>
            <Tabs.Panel value="bundles" pt="sm">
              <Table withTableBorder fz="sm">
                <Table.Thead><Table.Tr><Table.Th>Когда</Table.Th><Table.Th>Файл</Table.Th><Table.Th>Результат</Table.Th></Table.Tr></Table.Thead>
                <Table.Tbody>{d.bundles.map((b, i) => <Table.Tr key={i}><Table.Td>{formatDate(s(b.at))}</Table.Td><Table.Td>{s(b.file_name)}</Table.Td><Table.Td>{b.status === 'accepted' ? 'принят' : s(b.reason) || s(b.status)}</Table.Td></Table.Tr>)}</Table.Tbody>
              </Table>
            </Tabs.Panel>
          </Tabs>
        </Stack>
      )}
    </Drawer>
  );
}
