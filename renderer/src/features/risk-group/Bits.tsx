/** Small pieces shared by the risk-group and gifted screens. */
import type { ReactNode } from 'react';
import { Alert, Badge, Group, Text, Stack } from '@mantine/core';
import { IconLock } from '@tabler/icons-react';
import { riskCategory, riskStatus } from '../../../../common/labels';
import { formatDate } from '../../../../common/format';
import { label } from '../../components/Labels';

export const CATEGORY_COLORS: Record<string, string> = {
  absenteeism: 'orange', low_achievement: 'yellow', disability: 'grape', migrant: 'cyan',
  difficult_situation: 'red', deviant: 'pink', other: 'gray',
};

export function parseCategories(v: unknown): string[] {
  if (Array.isArray(v)) return v.map(String);
  try {
    const a: unknown = JSON.parse(String(v ?? '[]'));
    return Array.isArray(a) ? a.map(String) : [];
  } catch {
    return [];
  }
}

export function CategoryBadges({ value }: { value: unknown }) {
  return (
    <Group gap={4}>
      {parseCategories(value).map((c) => (
        <Badge key={c} color={CATEGORY_COLORS[c] ?? 'gray'} variant="light" size="sm" style={{ textTransform: 'none' }}>{label(riskCategory, c)}</Badge>
      ))}
    </Group>
  );
}

export function StatusBadge({ status, removedOn }: { status: unknown; removedOn?: unknown }) {
  if (status === 'removed') {
    return (
      <Stack gap={0} align="flex-start">
        <Badge color="gray" variant="light" style={{ textTransform: 'none' }}>Снят с учёта</Badge>
        {!!removedOn && <Text size="xs" c="dimmed">{formatDate(String(removedOn))}</Text>}
      </Stack>
    );
  }
  return <Badge color="red" variant="light" style={{ textTransform: 'none' }}>{label(riskStatus, status)}</Badge>;
}

/** 152-ФЗ: the user should know where the children's names are. */
export function PrivacyNotice() {
  return (
    <Alert variant="light" color="blue" icon={<IconLock size={18} />} py="xs" data-testid="privacy-notice">
      <Text size="sm">
        Персональные данные несовершеннолетних (152-ФЗ). ФИО и даты рождения обучающихся хранятся только на этом компьютере;
        за его пределы передаются лишь общие количества без имён.
      </Text>
    </Alert>
  );
}

/** A question before something is deleted for good. */

/** A labelled value in a card. */
export function Field({ title, children }: { title: string; children: ReactNode }) {
  return (
    <div>
      <Text size="xs" c="dimmed">{title}</Text>
      {typeof children === 'string' || typeof children === 'number' || !children
        ? <Text size="sm" style={{ whiteSpace: 'pre-wrap' }}>{children || '—'}</Text>
        : children}
    </div>
  );
}

/** «№ 5»: the pupil's code, the name the exchange and its messages use instead of the ФИО. */
export const CODE_HINT = 'Так обучающийся назван вместо ФИО в текстах, которые уходят в управление образования, и в сообщениях программы';
export function PupilCode({ code }: { code: unknown }) {
  return code == null ? null : <Text component="span" size="sm" c="dimmed" title={CODE_HINT} style={{ whiteSpace: 'nowrap' }}>№ {String(code)}</Text>;
}
