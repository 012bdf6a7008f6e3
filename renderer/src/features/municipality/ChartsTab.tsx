/** Indicator dynamics by year, the risk group over time by category, activity completion by school. */
import { useState } from 'react';
import { Card, Title, Select, Stack, Text, Loader, Alert } from '@mantine/core';
import { LineChart, BarChart, AreaChart } from '../../components/Charts';
import { useCall } from '../../app/data';
import { riskCategory } from '../../../../common/labels';
import { COUNT_AXIS, ruNumber } from '../../app/charts';

const COLORS = ['red.6', 'orange.6', 'yellow.6', 'teal.6', 'blue.6', 'grape.6', 'gray.6'];

export function ChartsTab({ schoolIds }: { schoolIds?: string[] }) {
  const [indicator, setIndicator] = useState<string | null>(null);
  const { value: c, error } = useCall('municipality.charts', { ...(indicator ? { indicator } : {}), ...(schoolIds?.length ? { schoolIds } : {}) });
  if (error) return <Alert color="red">{error}</Alert>;
  if (!c) return <Loader />;
  const chosen = c.indicatorSchools[0] ?? '';
  return (
    <Stack data-testid="charts">
      <Text size="sm" c="dimmed">Графики строятся по школам, отобранным фильтрами на вкладке «Школы».</Text>
      <Card withBorder>
        <Title order={4} mb="xs">Динамика показателя по годам</Title>
        <Select label="Показатель" data={c.indicators} value={indicator ?? chosen} onChange={setIndicator} searchable maw={640} mb="sm" />
        {c.indicatorSeries.length ? (
          <LineChart h={260} data={c.indicatorSeries} dataKey="period" withLegend valueFormatter={ruNumber}
            series={[{ name: 'Среднее по школам', color: 'blue.6' }, { name: 'Наименьшее', color: 'teal.6' }, { name: 'Наибольшее', color: 'red.6' }]} />
        ) : <Text c="dimmed">Значений показателя нет.</Text>}
      </Card>
      <Card withBorder>
        <Title order={4} mb="xs">Численность группы риска по категориям (обезличенно)</Title>
        <AreaChart h={280} data={c.riskOverTime} dataKey="period" type="stacked" withLegend yAxisProps={COUNT_AXIS} valueFormatter={ruNumber}
          series={riskCategory.codes.map((code, i) => ({ name: riskCategory.labels[code], color: COLORS[i % COLORS.length]! }))} />
      </Card>
      <Card withBorder>
        <Title order={4} mb="xs">Выполнение мероприятий программ по школам</Title>
        <BarChart h={Math.max(240, c.completionBySchool.length * 22)} data={c.completionBySchool} dataKey="school" type="stacked" orientation="vertical" withLegend yAxisProps={{ width: 190, interval: 0 }} xAxisProps={COUNT_AXIS} valueFormatter={ruNumber}
          series={[{ name: 'done', label: 'Выполнено', color: 'teal.6' }, { name: 'overdue', label: 'Просрочено', color: 'red.6' }, { name: 'open', label: 'В работе', color: 'gray.4' }]} />
      </Card>
    </Stack>
  );
}
