/** The school's front page: what needs attention today. */
import { SimpleGrid, Card, Text, Group, Stack, RingProgress, Badge, Anchor, Alert, Loader, Center, Title, Button } from '@mantine/core';
import { BarChart } from '../../components/Charts';
import { COUNT_AXIS, ruNumber } from '../../app/charts';
import { PageHeader } from '../../components/PageHeader';
import { useCall } from '../../app/data';
import { formatDate, count } from '../../../../common/format';
import { riskCategory, eventKind } from '../../../../common/labels';
import { label } from '../../components/Labels';
import type { PageKey } from '../../app/App';
import type { Row } from '../../../../preload/contract/index';

function Stat({ title, value, color, hint, onClick, testId }: { title: string; value: number | string; color?: string; hint?: string; onClick?: () => void; testId?: string }) {
  return (
    <Card withBorder padding="md" onClick={onClick} className={onClick ? 'row-click' : undefined} data-testid={testId}>
      <Text size="sm" c="dimmed">{title}</Text>
      <Text fz={32} fw={700} c={color}>{value}</Text>
      {hint && <Text size="xs" c="dimmed">{hint}</Text>}
    </Card>
  );
}

function ActivityList({ rows, empty }: { rows: Row[]; empty: string }) {
  if (rows.length === 0) return <Text size="sm" c="dimmed">{empty}</Text>;
  return (
    <Stack gap={6}>
      {rows.slice(0, 6).map((r) => (
        <Group key={r.id} justify="space-between" wrap="nowrap" align="flex-start">
          <Text size="sm" lineClamp={2}>{r.number ? `${r.number}. ` : ''}{r.title}</Text>
          <Badge variant="light" color="gray" style={{ flexShrink: 0 }}>{formatDate(r.date_to as string)}</Badge>
        </Group>
      ))}
      {rows.length > 6 && <Text size="xs" c="dimmed">…и ещё {rows.length - 6}</Text>}
    </Stack>
  );
}

/** Longer than 80 lines on purpose: its JSX is the screen laid out top to bottom; the rules and figures it shows come from main. */
export function DashboardPage({ go }: { go?: (p: PageKey) => void }) {
  const { value: d, error, loading } = useCall('dashboard.school', {});
  const { value: consent } = useCall('privacy.consentMissing', {});
  if (error) return <Alert color="red">{error}</Alert>;
  if (!d || loading && !d) return <Center py="xl"><Loader /></Center>;
  // With nobody who needs a mentor there is no share to show: «нет педагогов», not «100 %».
  const coverage = d.mentoring.needMentor ? Math.round((d.mentoring.withMentor / d.mentoring.needMentor) * 100) : null;
  const riskData = d.riskByCategory.map((r) => ({ category: label(riskCategory, r.category), 'Обучающихся': r.count }));
  const overdueN = d.activityCounts.overdue;
  const municipalDue = d.municipalDueThisMonth.activities + d.municipalDueThisMonth.assignments;
  // A school that has entered nothing yet sees one line saying where to begin, not a wall of zeros and
  // «всё в срок» about a plan that does not exist.
  const nothingYet = d.activityCounts.total === 0 && d.mentoring.needMentor === 0 && d.riskTotal === 0 && d.recentEvents.length === 0
    && d.decisionsOverdue === 0 && municipalDue === 0;
  if (nothingYet) {
    return (
      <>
        <PageHeader title="Главная" subtitle={`Сегодня ${formatDate(d.today)}`} />
        <Card withBorder padding="lg" data-testid="dashboard-empty">
          <Text>Здесь появятся сроки программы, наставничество и группа риска, когда они будут внесены. Начните с программы: внесите её или загрузите из Word.</Text>
          <Group mt="md">
            <Button onClick={() => go?.('programme')}>Перейти к программе</Button>
            <Button variant="default" onClick={() => go?.('mentoring')}>Кадры и наставничество</Button>
          </Group>
        </Card>
      </>
    );
  }
  return (
    <>
      <PageHeader title="Главная" subtitle={`Сегодня ${formatDate(d.today)}`} />
      {!!consent?.count && (
        <Alert color="orange" data-testid="consent-missing-flag" title="Нет согласия на обработку сведений о здоровье">
          {`${count(consent.count, ['запись', 'записи', 'записей'])} группы риска с ОВЗ или сведениями о здоровье без письменного согласия законного представителя. `}
          <Anchor component="button" onClick={() => go?.('risk')}>Открыть группу риска</Anchor>
        </Alert>
      )}
      <SimpleGrid cols={{ base: 2, md: 3, xl: 5 }}>
        <Stat testId="stat-overdue" title="Просроченные мероприятия" value={overdueN} color={overdueN ? 'red' : 'teal'} hint={overdueN ? 'срок прошёл, отметки о выполнении нет' : 'всё в срок'} onClick={() => go?.('programme')} />
        <Stat title="Срок в этом месяце" value={d.dueThisMonth.length} color="blue" hint={count(d.dueThisMonth.length, ['мероприятие', 'мероприятия', 'мероприятий'])} onClick={() => go?.('programme')} />
        <Stat testId="stat-municipal-due" title="Сроки управления образования в этом месяце" value={municipalDue} color={municipalDue ? 'orange' : 'teal'}
          hint={municipalDue ? [d.municipalDueThisMonth.activities ? count(d.municipalDueThisMonth.activities, ['мероприятие дорожной карты', 'мероприятия дорожной карты', 'мероприятий дорожной карты']) : '', d.municipalDueThisMonth.assignments ? count(d.municipalDueThisMonth.assignments, ['поручение', 'поручения', 'поручений']) : ''].filter(Boolean).join(', ') : 'в этом месяце сроков нет'}
          onClick={() => go?.('municipal')} />
        <Stat title="Поручения с истёкшим сроком" value={d.decisionsOverdue} color={d.decisionsOverdue ? 'red' : 'teal'} onClick={() => go?.('events')} />
        <Stat title={d.programmes > 1 ? 'Выполнено мероприятий программ' : 'Выполнено мероприятий программы'} value={`${d.activityCounts.done} из ${d.activityCounts.total}`}
          hint={[d.programmes > 1 ? `по всем программам (${d.programmes})` : '', d.activityCounts.notDone ? `не выполнено: ${d.activityCounts.notDone}` : ''].filter(Boolean).join('; ') || undefined} />
      </SimpleGrid>
      <SimpleGrid cols={{ base: 1, md: 2 }}>
        <Card withBorder>
          <Title order={4} mb="sm">Просрочено</Title>
          <ActivityList rows={d.overdueActivities} empty="Просроченных мероприятий нет." />
        </Card>
        <Card withBorder>
          <Title order={4} mb="sm">Срок в этом месяце</Title>
          <ActivityList rows={d.dueThisMonth} empty="В этом месяце сроков нет." />
        </Card>
        <Card withBorder>
          <Title order={4} mb="sm">Наставничество молодых и вновь прибывших педагогов</Title>
          <Group wrap="nowrap" align="flex-start">
            <RingProgress size={120} thickness={12} sections={[{ value: coverage ?? 0, color: coverage === 100 ? 'teal' : 'orange' }]} label={<Text ta="center" fw={700} size={coverage === null ? 'xs' : undefined}>{coverage === null ? 'нет педагогов' : `${coverage} %`}</Text>} data-testid="mentoring-coverage" />
            <Stack gap={4}>
              <Text size="sm">С наставником: {d.mentoring.withMentor} из {d.mentoring.needMentor}</Text>
              {d.mentoring.withoutMentor.length > 0 ? (
                <>
                  <Text size="sm" c="red">Без наставника:</Text>
                  {d.mentoring.withoutMentor.slice(0, 5).map((s) => <Text key={s.id} size="sm">{s.full_name}</Text>)}
                  <Anchor size="sm" onClick={() => go?.('mentoring')}>Назначить наставников</Anchor>
                </>
              ) : d.mentoring.needMentor ? <Text size="sm" c="teal">У всех есть наставник.</Text> : <Text size="sm" c="dimmed">Молодых и вновь прибывших педагогов нет.</Text>}
            </Stack>
          </Group>
        </Card>
        <Card withBorder>
          <Title order={4} mb="sm">Группа риска по категориям</Title>
          {riskData.length ? (
            <>
              <Text size="sm" c="dimmed" mb="xs">Сейчас в группе риска: {count(d.riskTotal, ['обучающийся', 'обучающихся', 'обучающихся'])}</Text>
              <BarChart h={200} data={riskData} dataKey="category" series={[{ name: 'Обучающихся', color: 'orange.6' }]} orientation="vertical" yAxisProps={{ width: 190 }} xAxisProps={COUNT_AXIS} valueFormatter={ruNumber} gridAxis="none" />
            </>
          ) : <Text size="sm" c="dimmed">Группа риска пуста.</Text>}
        </Card>
        <Card withBorder>
          <Title order={4} mb="sm">Поручения с истёкшим сроком</Title>
          {d.overdueDecisions.length === 0 ? <Text size="sm" c="dimmed">Нет.</Text> : (
            <Stack gap={6}>
              {d.overdueDecisions.slice(0, 6).map((r) => (
                <div key={r.id}>
                  <Text size="sm">{r.text}</Text>
                  <Text size="xs" c="dimmed">{r.responsible} · срок {formatDate(r.deadline as string)} · {r.event_title}</Text>
                </div>
              ))}
            </Stack>
          )}
        </Card>
        <Card withBorder>
          <Title order={4} mb="sm">Последние мероприятия</Title>
          {d.recentEvents.length === 0 ? <Text size="sm" c="dimmed">Журнал пуст.</Text> : (
            <Stack gap={6}>
              {d.recentEvents.map((r) => (
                <Group key={r.id} justify="space-between" wrap="nowrap" align="flex-start">
                  <div>
                    <Text size="sm">{r.title}</Text>
                    <Text size="xs" c="dimmed">{label(eventKind, r.kind)}</Text>
                  </div>
                  <Text size="xs" c="dimmed" style={{ flexShrink: 0 }}>{formatDate(r.date_from as string)}</Text>
                </Group>
              ))}
            </Stack>
          )}
        </Card>
      </SimpleGrid>
    </>
  );
}
