import type { CSSProperties } from 'react';
import { Textarea, type TextareaProps } from '@mantine/core';

type Props = Omit<TextareaProps, 'autosize' | 'minRows' | 'maxRows'> & { minRows?: number; maxRows?: number };

/**
 * A text field that grows with its text up to maxRows. The browser sizes it (CSS `field-sizing`, app.css
 * `.growing-textarea`): Mantine's `autosize` measured a hidden copy in script after every render of the form, so a
 * meeting with thirty such fields forced thirty layouts per key pressed — typing lagged on an old laptop.
 */
export function GrowingTextarea({ minRows = 1, maxRows, styles, ...props }: Props) {
  const vars = { '--min-rows': String(minRows), ...(maxRows ? { '--max-rows': String(maxRows) } : {}) } as CSSProperties;
  return <Textarea {...props} classNames={{ input: 'growing-textarea' }} styles={{ ...(styles as object), input: vars }} />;
}
