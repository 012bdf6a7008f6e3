/**
 * Mantine's <RingProgress size={120} thickness={12}> with one section, as the plain elements it renders (its own
 * class names and variables). Mantine wraps each arc in a floating tooltip even when it has none, and on an old
 * laptop mounting those tooltips cost the school's «Главная» a style pass of the whole page before its first paint.
 */
import type { ReactNode } from 'react';

// RingProgress.module.css's class names (Mantine 9; tests/unit/mantine-classes.test.ts checks they still exist): importing RingProgress for them would bring its tooltips back.
const CLASSES = { root: 'm_b32e4812', svg: 'm_d43b5134', curve: 'm_b1ca1fbf', label: 'm_b23f9dc4' };
const SIZE = 120;
const THICKNESS = 12;

/** `value` in per cent; `color` a theme colour name («orange», «teal»). */
export function LightRing({ value, color, label, testId }: { value: number; color: string; label: ReactNode; testId?: string }) {
  // Mantine's geometry (get-curve-props.ts): the circle leaves a tenth of the box and the stroke around it.
  const radius = (SIZE * 0.9 - THICKNESS * 2) / 2;
  const deg = (Math.PI * radius * 2) / 100;
  const circle = { fill: 'none', strokeLinecap: 'butt' as const, strokeWidth: THICKNESS, cx: SIZE / 2, cy: SIZE / 2, r: radius };
  return (
    <div className={`${CLASSES.root} mantine-RingProgress-root`} data-testid={testId}
      style={{ '--rp-size': 'calc(7.5rem * var(--mantine-scale))', '--rp-label-offset': 'calc(1.5rem * var(--mantine-scale))' } as React.CSSProperties}>
      <svg className={`${CLASSES.svg} mantine-RingProgress-svg`} viewBox={`0 0 ${SIZE} ${SIZE}`} style={{ '--rp-start-angle': '270deg' } as React.CSSProperties}>
        <circle className={`${CLASSES.curve} mantine-RingProgress-curve`} {...circle} transform={`scale(1, -1) translate(0, -${SIZE})`}
          strokeDasharray={`${(100 - value) * deg}, ${value * deg}`} strokeDashoffset={0} />
        <circle className={`${CLASSES.curve} mantine-RingProgress-curve`} {...circle} strokeDasharray={`${value * deg}, ${(100 - value) * deg}`}
          strokeDashoffset={Math.PI * radius * 2} style={{ '--curve-color': `var(--mantine-color-${color}-filled)` } as React.CSSProperties} />
      </svg>
      <div className={`${CLASSES.label} mantine-RingProgress-label`}>{label}</div>
    </div>
  );
}
