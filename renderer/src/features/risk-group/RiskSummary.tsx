/** The strip above the lists: how many pupils are in the group, by category; removed; gifted. Counts only. */
import { Card, Group, Text, UnstyledButton, Badge, Stack } from '@mantine/core';
import type { RiskGroupSummary } from '../../../../preload/contract/index';
import { riskCategory } from '../../../../common/labels';
import { count, plural } from '../../../../common/format';
import { CATEGORY_COLORS } from './Bits';
import { PUPIL_NOUN } from './fields';

export function RiskSummary(props: { summary: RiskGroupSummary | null; category: string | null; onCategory: (c: string | null) => void }) {
  const s = props.summary;
  if (!s) return null;
  const byCode = new Map(s.byCategory.map((c) => [c.category, c.count]));
  return (
    <Card withBorder padding="sm" data-testid="risk-summary">
      <Group gap="xl" align="flex-start" wrap="wrap">
        <Stack gap={0}>
          <Text size="xs" c="dimmed">Сейчас в группе риска</Text>
          <Text fw={700} size="xl" data-testid="risk-total">{s.included.toLocaleString('ru-RU')}</Text>
          <Text size="xs" c="dimmed">{plural(s.included, PUPIL_NOUN)}</Text>
        </Stack>
        <Stack gap={4} style={{ flex: 1, minWidth: 320 }}>
          <Text size="xs" c="dimmed">По категориям (нажмите, чтобы отобрать; у одного ребёнка может быть несколько категорий)</Text>
          <Group gap={6}>
            {riskCategory.codes.map((code) => {
              const n = byCode.get(code) ?? 0;
              const active = props.category === code;
              return (
                <UnstyledButton key={code} onClick={() => props.onCategory(active ? null : code)} aria-pressed={active} disabled={n === 0 && !active}>
                  <Badge
                    size="lg"
                    color={n === 0 ? 'gray' : CATEGORY_COLORS[code]}
                    variant={active ? 'filled' : 'light'}
                    style={{ textTransform: 'none', cursor: n === 0 && !active ? 'default' : 'pointer', opacity: n === 0 && !active ? 0.5 : 1 }}
                  >
                    {`${riskCategory.labels[code]}: ${n}`}
                  </Badge>
                </UnstyledButton>
              );
            })}
          </Group>
        </Stack>
        <Stack gap={0}>
          <Text size="xs" c="dimmed">Снято с учёта</Text>
          <Text fw={600}>{count(s.removed, PUPIL_NOUN)}</Text>
          <Text size="xs" c="dimmed" mt={4}>Одарённые дети</Text>
          <Text fw={600}>{count(s.gifted, PUPIL_NOUN)}</Text>
        </Stack>
      </Group>
    </Card>
  );
}
