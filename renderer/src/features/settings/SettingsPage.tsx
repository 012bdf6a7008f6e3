/** «Настройки»: the workspace files on this computer, the backups of the open one, program updates from a flash drive. */
import { Stack } from '@mantine/core';
import { PageHeader } from '../../components/PageHeader';
import { WorkspacesPanel } from './WorkspacesPanel';
import { BackupsPanel } from './BackupsPanel';
import { UpdatePanel } from './UpdatePanel';
import type { Role } from '../../../../preload/contract/index';

export function SettingsPage({ role, onWorkspaceChanged }: { role: Role; onWorkspaceChanged: () => void }) {
  return (
    <Stack>
      <PageHeader title="Настройки" subtitle="Рабочие места на этом компьютере, резервные копии данных и обновление программы" />
      <BackupsPanel onRestored={onWorkspaceChanged} />
      <WorkspacesPanel onSwitched={onWorkspaceChanged} />
      <UpdatePanel role={role} />
    </Stack>
  );
}
