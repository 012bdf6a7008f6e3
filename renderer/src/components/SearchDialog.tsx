/**
 * «Поиск по всему» in the header (Ctrl+K): records of every registry by title, name or number, each with
 * its kind in words (and, at the municipality, its school); choosing one opens the page that holds it.
 */
import { lazy, Suspense, useEffect, useState } from 'react';
import { Button, Kbd } from '@mantine/core';
import { IconSearch } from '@tabler/icons-react';

// The dialog (its field, list and modal) is fetched and mounted on the first opening, not with the first screen;
// opened a frame after it is mounted, so it still fades in, and kept mounted after, so it can fade out.
const SearchModal = lazy(() => import('./SearchModal').then((m) => ({ default: m.SearchModal })));

export function SearchDialog({ pageOf, go }: { pageOf: (table: string) => string | null; go: (page: string) => void }) {
  const [opened, setOpened] = useState(false);
  const [used, setUsed] = useState(false);
  const open = () => { setUsed(true); requestAnimationFrame(() => setOpened(true)); };
  useEffect(() => {
    const h = (e: KeyboardEvent) => {
      if ((e.ctrlKey || e.metaKey) && (e.key === 'k' || e.key === 'л' || e.code === 'KeyK')) {
        e.preventDefault();
        open();
      }
    };
    window.addEventListener('keydown', h);
    return () => window.removeEventListener('keydown', h);
  }, []);
  return (
    <>
      <Button variant="default" size="xs" leftSection={<IconSearch size={14} />} rightSection={<Kbd size="xs">Ctrl+K</Kbd>} onClick={open} data-testid="search-open">
        Поиск
      </Button>
      {used && <Suspense fallback={null}><SearchModal opened={opened} onClose={() => setOpened(false)} pageOf={pageOf} go={go} /></Suspense>}
    </>
  );
}
