import { Card, Text } from '@mantine/core';
import { RecordForm, rowToValues } from '../../components/RecordForm';
import { PageHeader } from '../../components/PageHeader';
import { useCall } from '../../app/data';
import { notifyOk } from '../../app/notify';
import { SCHOOL_FIELDS } from './schoolFields';

export function SchoolProfilePage() {
  const { value: state } = useCall('workspace.state', {});
  const school = state?.school;
  return (
    <>
      <PageHeader title="Профиль школы" subtitle={state ? `Файл данных: ${state.dataPath}` : undefined} />
      <Card withBorder>
        {school ? (
          <RecordForm
            key={String(school.updated_at)}
            entity="school_profile"
            fields={SCHOOL_FIELDS}
            initial={rowToValues(SCHOOL_FIELDS, school)}
            onCancel={() => {}}
            onSaved={() => notifyOk('Профиль школы сохранён')}
          />
        ) : (
          <Text c="dimmed">Профиль не создан.</Text>
        )}
      </Card>
    </>
  );
}
