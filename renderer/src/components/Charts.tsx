/**
 * Mantine's charts, fetched with recharts the first time a screen draws one, and only after the screen around
 * them is painted: the half-megabyte script is parsed in one go, and the school's «Главная» must not wait for it.
 * Until then the chart's place is kept at its height, so the page does not jump. Use these instead of '@mantine/charts'.
 */
import { lazy, Suspense, useEffect, useState, type ReactNode } from 'react';
import { Box } from '@mantine/core';
import type { AreaChartProps, BarChartProps, LineChartProps } from '@mantine/charts';

const load = () => import('./chartsModule');
const LazyBar = lazy(() => load().then((m) => ({ default: m.BarChart })));
const LazyLine = lazy(() => load().then((m) => ({ default: m.LineChart })));
const LazyArea = lazy(() => load().then((m) => ({ default: m.AreaChart })));

function AfterPaint({ h, children }: { h: unknown; children: ReactNode }) {
  const [painted, setPainted] = useState(false);
  useEffect(() => {
    // The frame is drawn first (requestAnimationFrame runs just before it), the chart is asked for after it.
    let t: ReturnType<typeof setTimeout> | undefined;
    const f = requestAnimationFrame(() => { t = setTimeout(() => setPainted(true), 0); });
    return () => { cancelAnimationFrame(f); clearTimeout(t); };
  }, []);
  const place = <Box h={h as number | string | undefined} aria-busy="true" />;
  return painted ? <Suspense fallback={place}>{children}</Suspense> : place;
}

export const BarChart = (p: BarChartProps) => <AfterPaint h={p.h}><LazyBar {...p} /></AfterPaint>;
export const LineChart = (p: LineChartProps) => <AfterPaint h={p.h}><LazyLine {...p} /></AfterPaint>;
export const AreaChart = (p: AreaChartProps) => <AfterPaint h={p.h}><LazyArea {...p} /></AfterPaint>;
