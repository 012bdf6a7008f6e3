/** «Настройки»: the workspace files on this computer, the backups of the open one, program updates from a flash drive and, at a department, its documents' requisites. */
import { Stack } from '@mantine/core';
import { PageHeader } from '../../components/PageHeader';
import { WorkspacesPanel } from './WorkspacesPanel';
import { BackupsPanel } from './BackupsPanel';
import { RequisitesPanel } from './RequisitesPanel';
import { UpdatePanel } from './UpdatePanel';
import type { Role } from '../../../../preload/contract/index';

export function SettingsPage({ role, onWorkspaceChanged, municipal = false }: { role: Role; onWorkspaceChanged: () => void; municipal?: boolean }) {
  return (
    <Stack>
      <PageHeader title="Настройки" subtitle={municipal ? 'Реквизиты документов, резервные копии данных, рабочие места на этом компьютере и обновление программы' : 'Рабочие места на этом компьютере, резервные копии данных и обновление программы'} />
      {municipal && <RequisitesPanel />}
      <BackupsPanel onRestored={onWorkspaceChanged} />
      <WorkspacesPanel onSwitched={onWorkspaceChanged} />
      <UpdatePanel role={role} />
    </Stack>
  );
}
