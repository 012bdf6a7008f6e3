/**
 * Wide tables on a 1366×768 laptop: the table scrolls inside a box that fits the window, so both scroll
 * bars are always on screen, the header row and the first column stay put while scrolling, and the user
 * can hide columns (remembered per table on this computer). Used by RecordTable and the municipal summary.
 */
import { useCallback, useEffect, useRef, useState, type ReactNode } from 'react';
import { Button, Checkbox, Menu, Stack } from '@mantine/core';
import { IconColumns } from '@tabler/icons-react';

/**
 * The scrolling box, as tall as the window leaves below its top (measured, so filters above it may wrap
 * onto two lines); `offset` is the first guess before it is measured and leaves room for paging below.
 * `pageScroll`: the main list of a screen has no box of its own — the page scrolls, the header row sticks under
 * the app's header — so on a 768 px screen the list gets the whole window, not what is left under the filters.
 */
export function StickyTable({ children, offset = 260, testId, pageScroll }: { children: ReactNode; offset?: number; testId?: string; pageScroll?: boolean }) {
  const ref = useRef<HTMLDivElement>(null);
  const [top, setTop] = useState<number | null>(null);
  useEffect(() => {
    const measure = () => {
      // Its place in the page, not in the window: scrolling the page must not shrink the box.
      if (ref.current) setTop(ref.current.getBoundingClientRect().top + window.scrollY);
    };
    // Measured once the screen is painted (the guess holds until then): measured before, it made an old laptop
    // lay out the whole page an extra time before its first paint — half a second for the department's summary.
    let t: ReturnType<typeof setTimeout> | undefined;
    const f = requestAnimationFrame(() => { t = setTimeout(measure, 0); });
    window.addEventListener('resize', measure);
    return () => { cancelAnimationFrame(f); clearTimeout(t); window.removeEventListener('resize', measure); };
  }, []);
  const above = top === null ? offset : top + 56;
  if (pageScroll) return <div className="sticky-table page-scroll" data-testid={testId}>{children}</div>;
  return (
    <div ref={ref} className="sticky-table" style={{ maxHeight: `max(320px, calc(100dvh - ${Math.round(above)}px))` }} data-testid={testId}>
      {children}
    </div>
  );
}

function load(key: string, initiallyHidden: string[]): string[] {
  try {
    const saved = localStorage.getItem(`opora.columns.${key}`);
    // Never chosen on this computer: the table's own default (a narrow screen first sees what fits).
    if (saved === null) return initiallyHidden;
    const v = JSON.parse(saved) as unknown;
    return Array.isArray(v) ? v.filter((x): x is string => typeof x === 'string') : [];
  } catch {
    return [];
  }
}

/** Which columns of table `tableKey` are hidden, and the «Столбцы» menu that changes it. */
export function useHiddenColumns(tableKey: string, columns: { key: string; title: string }[], keep: string[] = [], initiallyHidden: string[] = []) {
  const [hidden, setHidden] = useState<Set<string>>(() => new Set(load(tableKey, initiallyHidden)));
  const toggle = useCallback((key: string) => {
    setHidden((prev) => {
      const next = new Set(prev);
      if (next.has(key)) next.delete(key);
      else next.add(key);
      localStorage.setItem(`opora.columns.${tableKey}`, JSON.stringify([...next]));
      return next;
    });
  }, [tableKey]);
  const menu = (
    <Menu closeOnItemClick={false} position="bottom-end" withinPortal>
      <Menu.Target>
        <Button variant="default" leftSection={<IconColumns size={16} />} data-testid={`columns-${tableKey}`}>
          Столбцы{hidden.size ? ` (скрыто ${hidden.size})` : ''}
        </Button>
      </Menu.Target>
      <Menu.Dropdown>
        <Menu.Label>Показывать столбцы</Menu.Label>
        <Stack gap={6} p="xs">
          {columns.filter((c) => !keep.includes(c.key)).map((c) => (
            <Checkbox key={c.key} label={c.title} checked={!hidden.has(c.key)} onChange={() => toggle(c.key)} />
          ))}
        </Stack>
      </Menu.Dropdown>
    </Menu>
  );
  return { hidden, visible: (key: string) => !hidden.has(key), menu };
}
