/** In the header: «Заблокировать» with a password, «Задать пароль» (strongly suggested once pupils are on file) without. */
import { useState } from 'react';
import { Button, Group } from '@mantine/core';
import { IconLock, IconShieldLock } from '@tabler/icons-react';
import { call } from '../../app/api';
import { notifyError } from '../../app/notify';
import { usePrivacy } from './privacy';
import { PasswordDialog } from './PasswordDialog';

export function LockButtons() {
  const { state, set } = usePrivacy();
  const [open, setOpen] = useState(false);
  if (!state) return null;
  return (
    <Group gap="xs" wrap="nowrap">
      {state.hasPassword ? (
        <>
          <Button size="xs" variant="subtle" leftSection={<IconShieldLock size={16} />} onClick={() => setOpen(true)}>Пароль</Button>
          <Button size="xs" variant="default" leftSection={<IconLock size={16} />} onClick={() => void call('privacy.lock', {}).then(set, notifyError)}>Заблокировать</Button>
        </>
      ) : (
        <Button size="xs" color={state.suggestPassword ? 'orange' : 'gray'} variant={state.suggestPassword ? 'filled' : 'subtle'} leftSection={<IconShieldLock size={16} />}
          title={state.suggestPassword ? 'В программе есть сведения об обучающихся, а пароля нет: задайте его' : undefined} onClick={() => setOpen(true)}>
          Задать пароль
        </Button>
      )}
      <PasswordDialog opened={open} onClose={() => setOpen(false)} />
    </Group>
  );
}
