/**
 * Mantine's table cell, small text, group and badge as the plain elements they render (the same classes, data
 * attributes and variables, taken from Mantine's own class lists), for long lists drawn on a first screen: each
 * Mantine component costs its own props, theme and styles pass, and on an old laptop 25 rows of 12 cells of them
 * took longer to draw than the rest of the screen. They look the same; they take none of Mantine's props.
 */
import type { ButtonHTMLAttributes, CSSProperties, HTMLAttributes, ReactNode, TdHTMLAttributes, ThHTMLAttributes } from 'react';
import { Badge, Group, Table, Text, UnstyledButton } from '@mantine/core';

const cx = (...names: (string | false | undefined)[]) => names.filter(Boolean).join(' ');

/** <Table.Tr> in a table with `striped` and `highlightOnHover` (row borders are Mantine's default). */
export function LightTr({ className, ...rest }: HTMLAttributes<HTMLTableRowElement> & Record<`data-${string}`, string>) {
  return <tr className={cx(Table.classes.tr, 'mantine-Table-tr', className)} data-with-row-border="true" data-striped="odd" data-hover="true" {...rest} />;
}

/** <Table.Thead> and <Table.Tbody>. */
export function LightThead({ children }: { children: ReactNode }) {
  return <thead className={cx(Table.classes.thead, 'mantine-Table-thead')}>{children}</thead>;
}
export function LightTbody({ children }: { children: ReactNode }) {
  return <tbody className={cx(Table.classes.tbody, 'mantine-Table-tbody')}>{children}</tbody>;
}

/** <Table.Th>. */
export function LightTh({ className, ...rest }: ThHTMLAttributes<HTMLTableCellElement>) {
  return <th className={cx(Table.classes.th, 'mantine-Table-th', className)} {...rest} />;
}

/** <UnstyledButton> (a <button type="button">). */
export function LightButton({ className, ...rest }: ButtonHTMLAttributes<HTMLButtonElement> & Record<`data-${string}`, string>) {
  return <button type="button" className={cx('mantine-focus-auto', UnstyledButton.classes.root, 'mantine-UnstyledButton-root', className)} {...rest} />;
}

/** <Table.Td>. */
export function LightTd({ className, ...rest }: TdHTMLAttributes<HTMLTableCellElement> & Record<`data-${string}`, string>) {
  return <td className={cx(Table.classes.td, 'mantine-Table-td', className)} {...rest} />;
}

type Size = 'xs' | 'sm';
const textVars = (size: Size, color?: string, style?: CSSProperties) =>
  ({ '--text-fz': `var(--mantine-font-size-${size})`, '--text-lh': `var(--mantine-line-height-${size})`, ...style, ...(color ? { color } : {}) }) as CSSProperties;

/** <Text size=… c=…> (a <p>; `span` for <Text span>); `color` is a CSS colour such as var(--mantine-color-dimmed). */
export function LightText({ size, color, span, style, children, title }: { size: Size; color?: string; span?: boolean; style?: CSSProperties; children: ReactNode; title?: string }) {
  const Tag = span ? 'span' : 'p';
  return <Tag className={cx('mantine-focus-auto', Text.classes.root, 'mantine-Text-root')} data-size={size} title={title} style={textVars(size, color, style)}>{children}</Tag>;
}

/** <Group gap={4}> (wrapping, centred). */
export function LightGroup4({ children }: { children: ReactNode }) {
  const style = { '--group-gap': 'calc(0.25rem * var(--mantine-scale))', '--group-align': 'center', '--group-justify': 'flex-start', '--group-wrap': 'wrap' } as CSSProperties;
  return <div className={cx(Group.classes.root, 'mantine-Group-root')} style={style}>{children}</div>;
}

/** <Badge size="xs" variant="light" color=…>. */
export function LightBadgeXs({ color, title, children }: { color: string; title?: string; children: ReactNode }) {
  const style = {
    '--badge-height': 'var(--badge-height-xs)', '--badge-padding-x': 'var(--badge-padding-x-xs)', '--badge-fz': 'var(--badge-fz-xs)',
    '--badge-bg': `var(--mantine-color-${color}-light)`, '--badge-color': `var(--mantine-color-${color}-light-color)`,
    '--badge-bd': 'calc(0.0625rem * var(--mantine-scale)) solid transparent',
  } as CSSProperties;
  return (
    <div className={cx(Badge.classes.root, 'mantine-Badge-root')} data-variant="light" data-size="xs" title={title} style={style}>
      <span className={cx(Badge.classes.label, 'mantine-Badge-label')}>{children}</span>
    </div>
  );
}
