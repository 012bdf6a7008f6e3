/**
 * Mantine's charts, fetched with recharts the first time a screen draws one. Until then the chart's place is
 * kept at its height, so the page does not jump when it arrives. Use these instead of '@mantine/charts'.
 */
import { lazy, Suspense } from 'react';
import { Box } from '@mantine/core';
import type { AreaChartProps, BarChartProps, LineChartProps } from '@mantine/charts';

const load = () => import('./chartsModule');
const LazyBar = lazy(() => load().then((m) => ({ default: m.BarChart })));
const LazyLine = lazy(() => load().then((m) => ({ default: m.LineChart })));
const LazyArea = lazy(() => load().then((m) => ({ default: m.AreaChart })));

const place = (h: unknown) => <Box h={h as number | string | undefined} aria-busy="true" />;

export const BarChart = (p: BarChartProps) => <Suspense fallback={place(p.h)}><LazyBar {...p} /></Suspense>;
export const LineChart = (p: LineChartProps) => <Suspense fallback={place(p.h)}><LazyLine {...p} /></Suspense>;
export const AreaChart = (p: AreaChartProps) => <Suspense fallback={place(p.h)}><LazyArea {...p} /></Suspense>;
