/**
 * Mantine's Text, Title, Group, Stack, Card and Badge as the plain elements they render (the same classes, data
 * attributes and variables, as Mantine 8 writes them), for the first screens: the shell and the school's «Главная».
 * On an old laptop each Mantine component costs its own props, theme and styles pass, and the ≈ 150 of them on
 * the first screen took longer to draw than its data took to come. They look the same; they take only the props
 * listed here. Long tables use components/LightCells.
 */
import type { CSSProperties, HTMLAttributes, ReactNode } from 'react';
import { Badge, Card, Group, Paper, Stack, Text, Title } from '@mantine/core';

const cx = (...names: (string | false | undefined)[]) => names.filter(Boolean).join(' ');
type Vars = CSSProperties & Record<`--${string}`, string | number | undefined>;

/** A spacing as Mantine resolves it: a theme size, or pixels scaled like rem(). */
export const space = (s: string | number) => (typeof s === 'number' ? `calc(${s / 16}rem * var(--mantine-scale))` : `var(--mantine-spacing-${s})`);

/** The `c` prop's colour: «dimmed», «blue.8» (a shade), or a colour's text variant («red»). */
export const themeColor = (c: string) => (c === 'dimmed' ? 'var(--mantine-color-dimmed)' : c.includes('.') ? `var(--mantine-color-${c.replace('.', '-')})` : `var(--mantine-color-${c}-text)`);

type Own<E> = Omit<HTMLAttributes<E>, 'color' | 'style'> & { style?: CSSProperties } & Record<`data-${string}`, string | undefined>;

/** <Text size=… c=… lineClamp=… truncate>: a <p>, or a <span> with `span`. */
export function LText({ size, c, lineClamp, truncate, span, style, className, ...rest }: Own<HTMLParagraphElement> & { size?: 'xs' | 'sm'; c?: string; lineClamp?: number; truncate?: boolean; span?: boolean }) {
  const Tag = span ? 'span' : 'p';
  const vars: Vars = size ? { '--text-fz': `var(--mantine-font-size-${size})`, '--text-lh': `var(--mantine-line-height-${size})` } : {};
  if (lineClamp) vars['--text-line-clamp'] = lineClamp;
  return (
    <Tag className={cx('mantine-focus-auto', Text.classes.root, 'mantine-Text-root', className)} data-size={size} data-line-clamp={lineClamp ? 'true' : undefined}
      data-truncate={truncate ? 'end' : undefined} style={{ ...vars, ...(c ? { color: themeColor(c) } : {}), ...style }} {...rest} />
  );
}

/** <Title order=…>. */
export function LTitle({ order, c, style, children }: { order: 2 | 3 | 4; c?: string; style?: CSSProperties; children: ReactNode }) {
  const Tag = `h${order}` as const;
  const vars: Vars = { '--title-fw': `var(--mantine-h${order}-font-weight)`, '--title-lh': `var(--mantine-h${order}-line-height)`, '--title-fz': `var(--mantine-h${order}-font-size)` };
  return <Tag className={cx(Title.classes.root, 'mantine-Title-root')} data-order={order} style={{ ...vars, ...(c ? { color: themeColor(c) } : {}), ...style }}>{children}</Tag>;
}

/** <Group gap=… align=… justify=… wrap=…> (without `grow`). */
export function LGroup({ gap = 'md', align = 'center', justify = 'flex-start', wrap = 'wrap', style, className, ...rest }: Own<HTMLDivElement> & { gap?: string | number; align?: string; justify?: string; wrap?: 'wrap' | 'nowrap' }) {
  const vars: Vars = { '--group-gap': space(gap), '--group-align': align, '--group-justify': justify, '--group-wrap': wrap };
  return <div className={cx(Group.classes.root, 'mantine-Group-root', className)} style={{ ...vars, ...style }} {...rest} />;
}

/** <Stack gap=…>. */
export function LStack({ gap = 'md', style, className, ...rest }: Own<HTMLDivElement> & { gap?: string | number }) {
  const vars: Vars = { '--stack-gap': space(gap), '--stack-align': 'stretch', '--stack-justify': 'flex-start' };
  return <div className={cx(Stack.classes.root, 'mantine-Stack-root', className)} style={{ ...vars, ...style }} {...rest} />;
}

/** <Card withBorder padding=…>. */
export function LCard({ padding, style, className, ...rest }: Own<HTMLDivElement> & { padding?: string }) {
  const vars: Vars = padding ? { '--card-padding': space(padding) } : {};
  return (
    <div className={cx(className, Card.classes.root, 'mantine-Card-root', Paper.classes.root, 'mantine-Paper-root')} data-with-border="true" data-orientation="vertical"
      style={{ ...vars, ...style }} {...rest} />
  );
}

/** <Badge variant="light" color=…> of the default size. */
export function LBadge({ color, style, children }: { color: string; style?: CSSProperties; children: ReactNode }) {
  const vars: Vars = { '--badge-bg': `var(--mantine-color-${color}-light)`, '--badge-color': `var(--mantine-color-${color}-light-color)`, '--badge-bd': 'calc(0.0625rem * var(--mantine-scale)) solid transparent' };
  return (
    <div className={cx(Badge.classes.root, 'mantine-Badge-root')} data-variant="light" style={{ ...vars, ...style }}>
      <span className={cx(Badge.classes.label, 'mantine-Badge-label')}>{children}</span>
    </div>
  );
}
