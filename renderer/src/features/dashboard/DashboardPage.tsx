/** The school's front page: what needs attention today. */
import { SimpleGrid, Card, Text, Group, Anchor, Alert, Loader, Center, Button } from '@mantine/core';
import { BarChart } from '../../components/Charts';
import { COUNT_AXIS, ruNumber } from '../../app/charts';
import { PageHeader } from '../../components/PageHeader';
import { LightRing } from '../../components/LightRing';
import { LBadge, LCard, LGroup, LStack, LText, LTitle } from '../../components/LightKit';
import { useCall } from '../../app/data';
import { formatDate, count } from '../../../../common/format';
import { riskCategory, eventKind } from '../../../../common/labels';
import { label } from '../../components/Labels';
import type { PageKey } from '../../app/App';
import type { Row } from '../../../../preload/contract/index';

const MB_SM = { marginBottom: 'var(--mantine-spacing-sm)' };

function Stat({ title, value, color, hint, onClick, testId }: { title: string; value: number | string; color?: string; hint?: string; onClick?: () => void; testId?: string }) {
  return (
    <LCard padding="md" onClick={onClick} className={onClick ? 'row-click' : undefined} data-testid={testId}>
      <LText size="sm" c="dimmed">{title}</LText>
      <LText c={color} style={{ fontSize: 'calc(2rem * var(--mantine-scale))', fontWeight: 700 }}>{value}</LText>
      {hint && <LText size="xs" c="dimmed">{hint}</LText>}
    </LCard>
  );
}

function ActivityList({ rows, empty }: { rows: Row[]; empty: string }) {
  if (rows.length === 0) return <LText size="sm" c="dimmed">{empty}</LText>;
  return (
    <LStack gap={6}>
      {rows.slice(0, 6).map((r) => (
        <LGroup key={r.id} justify="space-between" wrap="nowrap" align="flex-start">
          <LText size="sm" lineClamp={2}>{r.number ? `${r.number}. ` : ''}{r.title}</LText>
          <LBadge color="gray" style={{ flexShrink: 0 }}>{formatDate(r.date_to as string)}</LBadge>
        </LGroup>
      ))}
      {rows.length > 6 && <LText size="xs" c="dimmed">…и ещё {rows.length - 6}</LText>}
    </LStack>
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
        <LCard>
          <LTitle order={4} style={MB_SM}>Просрочено</LTitle>
          <ActivityList rows={d.overdueActivities} empty="Просроченных мероприятий нет." />
        </LCard>
        <LCard>
          <LTitle order={4} style={MB_SM}>Срок в этом месяце</LTitle>
          <ActivityList rows={d.dueThisMonth} empty="В этом месяце сроков нет." />
        </LCard>
        <LCard>
          <LTitle order={4} style={MB_SM}>Наставничество молодых и вновь прибывших педагогов</LTitle>
          <LGroup wrap="nowrap" align="flex-start">
            <LightRing value={coverage ?? 0} color={coverage === 100 ? 'teal' : 'orange'} label={<LText size={coverage === null ? 'xs' : undefined} style={{ fontWeight: 700, textAlign: 'center' }}>{coverage === null ? 'нет педагогов' : `${coverage} %`}</LText>} testId="mentoring-coverage" />
            <LStack gap={4}>
              <LText size="sm">С наставником: {d.mentoring.withMentor} из {d.mentoring.needMentor}</LText>
              {d.mentoring.withoutMentor.length > 0 ? (
                <>
                  <LText size="sm" c="red">Без наставника:</LText>
                  {d.mentoring.withoutMentor.slice(0, 5).map((s) => <LText key={s.id} size="sm">{s.full_name}</LText>)}
                  <Anchor size="sm" onClick={() => go?.('mentoring')}>Назначить наставников</Anchor>
                </>
              ) : d.mentoring.needMentor ? <LText size="sm" c="teal">У всех есть наставник.</LText> : <LText size="sm" c="dimmed">Молодых и вновь прибывших педагогов нет.</LText>}
            </LStack>
          </LGroup>
        </LCard>
        <LCard>
          <LTitle order={4} style={MB_SM}>Группа риска по категориям</LTitle>
          {riskData.length ? (
            <>
              <LText size="sm" c="dimmed" style={{ marginBottom: 'var(--mantine-spacing-xs)' }}>Сейчас в группе риска: {count(d.riskTotal, ['обучающийся', 'обучающихся', 'обучающихся'])}</LText>
              <BarChart h={200} data={riskData} dataKey="category" series={[{ name: 'Обучающихся', color: 'orange.6' }]} orientation="vertical" yAxisProps={{ width: 190 }} xAxisProps={COUNT_AXIS} valueFormatter={ruNumber} gridAxis="none" />
            </>
          ) : <LText size="sm" c="dimmed">Группа риска пуста.</LText>}
        </LCard>
        <LCard>
          <LTitle order={4} style={MB_SM}>Поручения с истёкшим сроком</LTitle>
          {d.overdueDecisions.length === 0 ? <LText size="sm" c="dimmed">Нет.</LText> : (
            <LStack gap={6}>
              {d.overdueDecisions.slice(0, 6).map((r) => (
                <div key={r.id}>
                  <LText size="sm">{r.text}</LText>
                  <LText size="xs" c="dimmed">{r.responsible} · срок {formatDate(r.deadline as string)} · {r.event_title}</LText>
                </div>
              ))}
            </LStack>
          )}
        </LCard>
        <LCard>
          <LTitle order={4} style={MB_SM}>Последние мероприятия</LTitle>
          {d.recentEvents.length === 0 ? <LText size="sm" c="dimmed">Журнал пуст.</LText> : (
            <LStack gap={6}>
              {d.recentEvents.map((r) => (
                <LGroup key={r.id} justify="space-between" wrap="nowrap" align="flex-start">
                  <div>
                    <LText size="sm">{r.title}</LText>
                    <LText size="xs" c="dimmed">{label(eventKind, r.kind)}</LText>
                  </div>
                  <LText size="xs" c="dimmed" style={{ flexShrink: 0 }}>{formatDate(r.date_from as string)}</LText>
                </LGroup>
              ))}
            </LStack>
          )}
        </LCard>
      </SimpleGrid>
    </>
  );
}
