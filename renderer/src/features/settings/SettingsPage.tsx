/** «Настройки»: the workspace files on this computer and the backups of the open one. */
import { Stack } from '@mantine/core';
import { PageHeader } from '../../components/PageHeader';
import { WorkspacesPanel } from './WorkspacesPanel';
import { BackupsPanel } from './BackupsPanel';

export function SettingsPage({ onWorkspaceChanged }: { onWorkspaceChanged: () => void }) {
  return (
    <Stack>
      <PageHeader title="Настройки" subtitle="Рабочие места на этом компьютере и резервные копии данных" />
      <BackupsPanel onRestored={onWorkspaceChanged} />
      <WorkspacesPanel onSwitched={onWorkspaceChanged} />
    </Stack>
  );
}
