/** Open-a-form state shared by the programme tabs: which record is being edited, or a new one. */
import { useState } from 'react';
import type { Row } from '../../../../preload/contract/index';

export function useEditor() {
  const [editing, setEditing] = useState<Row | 'new' | null>(null);
  return {
    editing,
    openNew: () => setEditing('new'),
    openRow: (r: Row) => setEditing(r),
    close: () => setEditing(null),
    isNew: editing === 'new',
    row: editing && editing !== 'new' ? editing : null,
  };
}
