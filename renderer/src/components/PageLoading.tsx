import { useEffect, useState } from 'react';
import { Center, Group, Loader, Text } from '@mantine/core';

/**
 * What stands in for a page while its script loads. It takes the space a page header would, and shows
 * «Загрузка…» only after a moment: a page that arrives quickly replaces an empty area instead of a flash.
 */
export function PageLoading({ minHeight = 240 }: { minHeight?: number }) {
  const [shown, setShown] = useState(false);
  useEffect(() => {
    const t = setTimeout(() => setShown(true), 300);
    return () => clearTimeout(t);
  }, []);
  return (
    <Center mih={minHeight} data-testid="page-loading" aria-busy="true">
      {shown && (
        <Group gap="sm">
          <Loader size="sm" />
          <Text c="dimmed">Загрузка…</Text>
        </Group>
      )}
    </Center>
  );
}
