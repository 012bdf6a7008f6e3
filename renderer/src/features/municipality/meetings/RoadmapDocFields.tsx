/**
 * What the справка about the roadmap adds to a document (issue 20): the period whose activities it reports
 * (dates) and how the text names it («прошедший учебный год (декабрь – май)»), and the summary computed from
 * the data, offered as a start for the closing paragraph — the methodologist's text is what prints.
 */
import { useState } from 'react';
import { Group, SimpleGrid, TextInput, Button, Text } from '@mantine/core';
import { DateField } from '../../../components/DocumentFields';
import { notifyError } from '../../../app/notify';
import { useConfirm } from '../../../components/ConfirmDialog';
import type { CallInput } from '../../../../../preload/contract/index';

type Doc = CallInput<'municipality.documents.save'>['document'];

export function RoadmapDocFields({ value, set, summary }: { value: Doc; set: (patch: Partial<Doc>) => void; summary: () => Promise<string> }) {
  const [busy, setBusy] = useState(false);
  const { confirm, node: question } = useConfirm();
  const offer = async () => {
    setBusy(true);
    try {
      const text = await summary();
      const closing = String(value.closing ?? '').trim();
      if (!closing) set({ closing: text });
      else confirm({ title: 'Заменить заключение?', text: 'Написанное вами заключение заменится итогом по данным.', action: 'Заменить', run: () => set({ closing: text }) });
    } catch (e) { notifyError(e); } finally { setBusy(false); }
  };
  return (
    <>
      {question}
      <SimpleGrid cols={3}>
        <DateField label="Период: с" value={value.period_from} onChange={(x) => set({ period_from: x })} testId="document-period-from" />
        <DateField label="по" value={value.period_to} onChange={(x) => set({ period_to: x })} testId="document-period-to" />
        <TextInput label="Период словами (как в тексте)" placeholder="прошедший учебный год (декабрь – май)" value={String(value.period_text ?? '')}
          onChange={(e) => set({ period_text: e.currentTarget.value })} data-testid="document-period-text" />
      </SimpleGrid>
      <Text size="xs" c="dimmed">В справку попадают мероприятия дорожной карты за эти даты. Период словами печатается в тексте: «За прошедший учебный год (декабрь – май) со школами проведена работа…»; пусто — печатаются даты.</Text>
      <Group><Button size="xs" variant="light" loading={busy} onClick={() => void offer()} data-testid="document-summary">Подставить итог по данным в заключение</Button></Group>
    </>
  );
}
