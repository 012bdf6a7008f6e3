/**
 * The dialog of «Поиск по всему» (SearchDialog.tsx): fetched on its first opening, not with the first screen.
 */
import { useEffect, useState } from 'react';
import { Modal, Stack, Text, TextInput, UnstyledButton, Loader, Group } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { IconSearch } from '@tabler/icons-react';
import type { SearchHit } from '../../../preload/contract/index';
import { call } from '../app/api';
import { openRecord } from '../app/openRecord';

export function SearchModal({ opened, onClose, pageOf, go }: { opened: boolean; onClose: () => void; pageOf: (table: string) => string | null; go: (page: string) => void }) {
  const [query, setQuery] = useState('');
  const [debounced] = useDebouncedValue(query, 200);
  const [hits, setHits] = useState<SearchHit[] | null>(null);
  useEffect(() => {
    if (debounced.trim().length < 2) {
      setHits(null);
      return;
    }
    let live = true;
    void call('search.all', { query: debounced }).then((r) => live && setHits(r), () => live && setHits([]));
    return () => { live = false; };
  }, [debounced]);
  const choose = (h: SearchHit) => {
    onClose();
    // A pupil's record opens its card (the shell goes to the page: openRecord.ts); others open their page.
    if (h.table === 'risk_entry' || h.table === 'gifted_pupil') return openRecord({ table: h.table, id: h.id });
    const page = pageOf(h.table);
    if (page) go(page);
  };
  return (
    <Modal opened={opened} onClose={onClose} title={<Text fw={600}>Поиск по всем записям</Text>} size="lg" yOffset="8vh">
      <Stack gap="sm">
        <TextInput autoFocus leftSection={<IconSearch size={16} />} placeholder="Название, фамилия, номер…" aria-label="Что найти" value={query} onChange={(e) => setQuery(e.currentTarget.value)} data-testid="search-input" />
        {query.trim().length < 2 && <Text size="sm" c="dimmed">Введите хотя бы две буквы: найдутся мероприятия, сотрудники, обучающиеся, поручения и другие записи.</Text>}
        {hits === null && query.trim().length >= 2 && <Loader size="sm" />}
        {hits?.length === 0 && <Text size="sm" c="dimmed">Ничего не нашлось. Проверьте написание или попробуйте часть слова.</Text>}
        <Stack gap={2} data-testid="search-results">
          {hits?.map((h) => (
            <UnstyledButton key={h.table + h.id} onClick={() => choose(h)} className="row-click" p="xs" style={{ borderRadius: 4 }}>
              <Group gap="xs" wrap="nowrap" justify="space-between">
                <Text size="sm">{h.title}</Text>
                <Text size="xs" c="dimmed" ta="right">{h.kindTitle}{h.school ? ` · ${h.school}` : ''}</Text>
              </Group>
            </UnstyledButton>
          ))}
        </Stack>
      </Stack>
    </Modal>
  );
}
