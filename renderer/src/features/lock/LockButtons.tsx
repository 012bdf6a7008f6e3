/**
 * In the header: «Персональные данные» (password, retention, access log), «Заблокировать» with a password, and
 * «Задать пароль» — strongly suggested, in orange — once pupils are on file without one.
 */
import { useState } from 'react';
import { Button, Group } from '@mantine/core';
import { IconLock, IconShieldLock } from '@tabler/icons-react';
import { call } from '../../app/api';
import { notifyError } from '../../app/notify';
import { usePrivacy } from './privacy';
import { PasswordDialog } from './PasswordDialog';
import { PrivacyDialog } from './PrivacyDialog';

export function LockButtons(props: { school: boolean }) {
  const { state, set } = usePrivacy();
  const [open, setOpen] = useState<'password' | 'privacy' | null>(null);
  if (!state) return null;
  return (
    <Group gap="xs" wrap="nowrap">
      <Button size="xs" variant="subtle" leftSection={<IconShieldLock size={16} />} onClick={() => setOpen('privacy')}>Персональные данные</Button>
      {state.hasPassword ? (
        <Button size="xs" variant="default" leftSection={<IconLock size={16} />} onClick={() => void call('privacy.lock', {}).then(set, notifyError)}>Заблокировать</Button>
      ) : state.suggestPassword && (
        <Button size="xs" color="orange" leftSection={<IconLock size={16} />} title="В программе есть сведения об обучающихся, а пароля нет: задайте его" onClick={() => setOpen('password')}>
          Задать пароль
        </Button>
      )}
      <PasswordDialog opened={open === 'password'} onClose={() => setOpen(null)} />
      <PrivacyDialog opened={open === 'privacy'} onClose={() => setOpen(null)} school={props.school} />
    </Group>
  );
}
