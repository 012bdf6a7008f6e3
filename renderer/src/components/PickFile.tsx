/**
 * Mantine's FileButton that forgets the chosen file right after handing it over: choosing the same file
 * again (fixed in Excel and saved under the same name) reads it again, instead of the browser deciding
 * that nothing changed and firing no event.
 */
import { useRef } from 'react';
import { FileButton, type FileButtonProps } from '@mantine/core';

export function PickFile<Multiple extends boolean = false>(props: FileButtonProps<Multiple>) {
  const reset = useRef<() => void>(null);
  return (
    <FileButton<Multiple>
      {...props}
      resetRef={reset}
      onChange={(payload) => {
        props.onChange(payload);
        reset.current?.();
      }}
    />
  );
}
