/**
 * In the header: «Персональные данные» (password, retention, access log), «Заблокировать» with a password, and
 * «Задать пароль» — strongly suggested, in orange — once pupils are on file without one.
 */
import { lazy, Suspense, useState } from 'react';
import { Button, Group } from '@mantine/core';
import { IconLock, IconShieldLock } from '@tabler/icons-react';
import { call } from '../../app/api';
import { notifyError } from '../../app/notify';
import { usePrivacy } from './privacy';

// The dialogs (and the number field they use) are fetched on the first click, not with the first screen;
// once opened they stay mounted so they can close with their animation.
const PasswordDialog = lazy(() => import('./PasswordDialog').then((m) => ({ default: m.PasswordDialog })));
const PrivacyDialog = lazy(() => import('./PrivacyDialog').then((m) => ({ default: m.PrivacyDialog })));

export function LockButtons(props: { school: boolean }) {
  const { state, set } = usePrivacy();
  const [open, setOpen] = useState<'password' | 'privacy' | null>(null);
  const [used, setUsed] = useState({ password: false, privacy: false });
  const show = (d: 'password' | 'privacy') => { setUsed((u) => ({ ...u, [d]: true })); setOpen(d); };
  if (!state) return null;
  return (
    <Group gap="xs" wrap="nowrap">
      <Button size="xs" variant="subtle" leftSection={<IconShieldLock size={16} />} onClick={() => show('privacy')}>Персональные данные</Button>
      {state.hasPassword ? (
        <Button size="xs" variant="default" leftSection={<IconLock size={16} />} onClick={() => void call('privacy.lock', {}).then(set, notifyError)}>Заблокировать</Button>
      ) : state.suggestPassword && (
        <Button size="xs" color="orange" leftSection={<IconLock size={16} />} title="В программе есть сведения об обучающихся, а пароля нет: задайте его" onClick={() => show('password')}>
          Задать пароль
        </Button>
      )}
      <Suspense fallback={null}>
        {used.password && <PasswordDialog opened={open === 'password'} onClose={() => setOpen(null)} />}
        {used.privacy && <PrivacyDialog opened={open === 'privacy'} onClose={() => setOpen(null)} school={props.school} />}
      </Suspense>
    </Group>
  );
}
