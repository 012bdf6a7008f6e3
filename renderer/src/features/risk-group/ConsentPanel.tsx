/**
 * Consent of the legal representative to process health data (152-ФЗ art. 10), in the card of a risk-group
 * entry with ОВЗ or health details: the consents on file, the form to print prefilled, and the health details
 * themselves — which main refuses until a consent is on file (privacy/consent.ts).
 */
import { useState } from 'react';
import { Alert, Button, Group, Stack, Table, Text, Title } from '@mantine/core';
import { IconFileDownload, IconPlus } from '@tabler/icons-react';
import { useCall } from '../../app/data';
import { call } from '../../app/api';
import { notifyError, notifyOk } from '../../app/notify';
import { downloadFile } from '../../components/files';
import { FormModal, RecordForm, emptyValues, rowToValues } from '../../components/RecordForm';
import { fieldsOf } from '../../components/registryFields';
import type { Row } from '../../../../preload/contract/index';
import { formatDate, isoDay } from '../../../../common/format';

const consent = fieldsOf('consent');
const CONSENT_FIELDS = [
  consent('given_by', { span: 2, placeholder: 'Фамилия Имя Отчество родителя (законного представителя)' }), consent('form'), consent('given_on'),
  consent('scope', { multiline: true }), consent('withdrawn_on'),
];

export function ConsentPanel({ entry }: { entry: Row }) {
  const entryId = String(entry.id);
  const { value } = useCall('records.list', { entity: 'consent', filters: { entry_id: entryId }, limit: 100 });
  const [editing, setEditing] = useState<Row | 'new' | null>(null);
  const rows = value?.rows ?? [];
  const today = isoDay(new Date());
  const onFile = rows.some((r) => String(r.given_on) <= today && (!r.withdrawn_on || String(r.withdrawn_on) > today));
  const special = String(entry.categories ?? '').includes('disability') || !!entry.health_details;
  const print = () => void call('privacy.consentForm', { entryId }).then(downloadFile, notifyError);

  return (
    <Stack gap="xs" data-testid="consent">
      <Group justify="space-between">
        <Title order={4}>Согласие на обработку сведений о здоровье</Title>
        <Group gap="xs">
          <Button size="xs" variant="default" leftSection={<IconFileDownload size={14} />} onClick={print}>Бланк согласия (.docx)</Button>
          <Button size="xs" variant="light" leftSection={<IconPlus size={14} />} onClick={() => setEditing('new')}>Записать согласие</Button>
        </Group>
      </Group>
      {special && !onFile && (
        <Alert color="orange" variant="light" data-testid="consent-missing">
          Нет письменного согласия законного представителя. Сведения об ОВЗ и здоровье — особая категория персональных данных:
          распечатайте бланк, дайте его подписать и запишите согласие. До этого сведения о здоровье внести нельзя.
        </Alert>
      )}
      {rows.length > 0 && (
        <Table withTableBorder verticalSpacing={6} highlightOnHover>
          <Table.Thead><Table.Tr><Table.Th>Законный представитель</Table.Th><Table.Th>Дата</Table.Th><Table.Th>Объём</Table.Th><Table.Th>Отозвано</Table.Th></Table.Tr></Table.Thead>
          <Table.Tbody>
            {rows.map((r) => (
              <Table.Tr key={r.id} className="row-click" onClick={() => setEditing(r)}>
                <Table.Td>{String(r.given_by)}</Table.Td>
                <Table.Td>{formatDate(String(r.given_on))}</Table.Td>
                <Table.Td className="cell-wrap">{String(r.scope)}</Table.Td>
                <Table.Td>{r.withdrawn_on ? formatDate(String(r.withdrawn_on)) : '—'}</Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      )}
      {onFile && <Text size="sm"><b>Сведения о здоровье: </b>{String(entry.health_details || '—')}</Text>}
      <FormModal opened={editing !== null} title="Согласие законного представителя" onClose={() => setEditing(null)} size="lg">
        {(setDirty, close) => (
          <RecordForm
            entity="consent"
            fields={CONSENT_FIELDS}
            initial={editing === 'new' || editing === null ? { ...emptyValues(CONSENT_FIELDS), form: 'written', given_on: today, scope: 'Сведения об ОВЗ и состоянии здоровья для организации психолого-педагогической помощи' } : rowToValues(CONSENT_FIELDS, editing)}
            fixed={{ entry_id: entryId }}
            onDirtyChange={setDirty}
            onCancel={close}
            onSaved={() => {
              setEditing(null);
              notifyOk('Согласие записано');
            }}
          />
        )}
      </FormModal>
    </Stack>
  );
}
