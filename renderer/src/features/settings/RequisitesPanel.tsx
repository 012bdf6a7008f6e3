/**
 * The department's requisites printed on its справки and приказы: the names, the letterhead's contact and
 * registration block, the place, who signs and who executes. Defaults of every new document, kept in «Настройки».
 */
import { useEffect, useState, type FormEvent } from 'react';
import { Card, Title, Group, Button, TextInput, SimpleGrid, Text } from '@mantine/core';
import { useCall } from '../../app/data';
import { call } from '../../app/api';
import { useUnsavedChanges } from '../../components/UnsavedGuard';
import { notifyError, notifyOk } from '../../app/notify';
import type { ReportSettings } from '../../../../preload/contract/index';

export function RequisitesPanel() {
  const { value, reload } = useCall('municipality.reportSettings.get', {});
  const [v, setV] = useState<ReportSettings | null>(null);
  useEffect(() => { if (value) setV(value); }, [value]);
  useUnsavedChanges(!!v && !!value && JSON.stringify(v) !== JSON.stringify(value));
  if (!v) return null;
  const save = () => void call('municipality.reportSettings.save', v).then(() => { notifyOk('Реквизиты сохранены'); reload(); }, notifyError);
  const f = (k: keyof ReportSettings, label: string, placeholder?: string) => <TextInput label={label} placeholder={placeholder} value={v[k] ?? ''} onChange={(e) => setV({ ...v, [k]: e.currentTarget.value })} />;
  return (
    // A form, so that Enter saves the requisites as it saves every other form.
    <Card withBorder component="form" onSubmit={(e: FormEvent) => { e.preventDefault(); save(); }} data-testid="requisites-panel">
      <Title order={4}>Реквизиты документов управления образования</Title>
      <Text size="sm" c="dimmed" mb="xs">Печатаются в справках и приказах; в каждом документе их можно поправить.</Text>
      <SimpleGrid cols={2}>
        {f('parent', 'Вышестоящая организация', 'Администрация города …')}{f('organisation', 'Наименование органа управления образованием')}
        {f('centre', 'Подведомственное учреждение (методический центр)')}{f('place', 'Место составления', 'г. Ирбит')}
      </SimpleGrid>
      <Title order={6} mt="md" mb={4}>Справочные данные на бланке (печатаются под наименованием)</Title>
      <SimpleGrid cols={{ base: 2, lg: 4 }}>
        <div style={{ gridColumn: 'span 2' }}>{f('address', 'Почтовый адрес', 'ул. Ленина, д. 1, г. Ирбит, 623850')}</div>
        {f('phone', 'Телефон')}{f('fax', 'Факс')}
        {f('email', 'Электронная почта')}{f('site', 'Сайт')}
        {f('ogrn', 'ОГРН')}{f('okpo', 'ОКПО')}{f('innKpp', 'ИНН/КПП', '1831000000/183101001')}
      </SimpleGrid>
      <Title order={6} mt="md" mb={4}>Подпись и исполнитель</Title>
      <SimpleGrid cols={2}>
        {f('headPosition', 'Должность подписывающего')}{f('headName', 'ФИО подписывающего')}{f('executor', 'Исполнитель (ФИО, телефон)')}
      </SimpleGrid>
      <Group mt="sm"><Button type="submit">Сохранить реквизиты</Button></Group>
    </Card>
  );
}
