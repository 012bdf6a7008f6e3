/**
 * The button row of a modal form that stays in view at the bottom of the modal while its fields scroll
 * (the `.opora-modal-footer` rule in app/app.css): on a 768-pixel screen «Сохранить» and «Отмена» are
 * never below the fold. RecordForm's own last row gets the same rule by its place in the form.
 */
import type { ReactNode } from 'react';
import { Group } from '@mantine/core';

export function ModalFooter({ children }: { children: ReactNode }) {
  return <Group justify="flex-end" mt="sm" className="opora-modal-footer">{children}</Group>;
}
