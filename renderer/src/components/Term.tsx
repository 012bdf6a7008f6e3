/** A «?» next to a hard term: a click or a hover shows its plain explanation from common/glossary.ts. */
import { ActionIcon, Popover, Text } from '@mantine/core';
import { IconHelpCircle } from '@tabler/icons-react';
import { GLOSSARY, type GlossaryTerm } from '../../../common/glossary';

export function Term({ term, children }: { term: GlossaryTerm; children?: React.ReactNode }) {
  return (
    <span style={{ whiteSpace: 'nowrap' }}>
      {children}
      <Popover width={340} position="bottom" withArrow shadow="md" withinPortal>
        <Popover.Target>
          <ActionIcon
            variant="subtle" size="xs" radius="xl" color="gray" component="span" role="button" tabIndex={0}
            aria-label={`Что такое «${term}»?`} data-testid={`term-${term}`} style={{ verticalAlign: 'middle', marginLeft: 2 }}
            onClick={(e: React.MouseEvent) => e.stopPropagation()}
          >
            <IconHelpCircle size={14} />
          </ActionIcon>
        </Popover.Target>
        <Popover.Dropdown onClick={(e) => e.stopPropagation()}>
          <Text size="sm" fw={600} mb={4}>{term}</Text>
          <Text size="sm">{GLOSSARY[term]}</Text>
        </Popover.Dropdown>
      </Popover>
    </span>
  );
}
