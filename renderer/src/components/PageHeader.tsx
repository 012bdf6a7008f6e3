import type { ReactNode } from 'react';
import { LGroup, LStack, LText, LTitle } from './LightKit';

// Plain elements that look like Mantine's Group, Title and Text: every page's first draw has one (LightKit).
export function PageHeader({ title, subtitle, actions }: { title: string; subtitle?: ReactNode; actions?: ReactNode }) {
  return (
    <LGroup justify="space-between" align="flex-end" style={{ marginBottom: 'var(--mantine-spacing-xs)' }}>
      <LStack gap={2}>
        <LTitle order={2}>{title}</LTitle>
        {subtitle && <LText c="dimmed" size="sm">{subtitle}</LText>}
      </LStack>
      {actions && <LGroup>{actions}</LGroup>}
    </LGroup>
  );
}
