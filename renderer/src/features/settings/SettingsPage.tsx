/** «Настройки»: the workspace files on this computer, the backups of the open one and, at a department, its documents' requisites. */
import { Stack } from '@mantine/core';
import { PageHeader } from '../../components/PageHeader';
import { WorkspacesPanel } from './WorkspacesPanel';
import { BackupsPanel } from './BackupsPanel';
import { RequisitesPanel } from './RequisitesPanel';

export function SettingsPage({ onWorkspaceChanged, municipal = false }: { onWorkspaceChanged: () => void; municipal?: boolean }) {
  return (
    <Stack>
      <PageHeader title="Настройки" subtitle={municipal ? 'Реквизиты документов, резервные копии данных и рабочие места на этом компьютере' : 'Рабочие места на этом компьютере и резервные копии данных'} />
      {municipal && <RequisitesPanel />}
      <BackupsPanel onRestored={onWorkspaceChanged} />
      <WorkspacesPanel onSwitched={onWorkspaceChanged} />
    </Stack>
  );
}
