/** The lock screen: the workspace password, or the recovery code to set a new one. */
import { useState } from 'react';
import { Center, Paper, Stack, Title, Text, PasswordInput, Button, TextInput, Anchor, Alert } from '@mantine/core';
import { IconLock } from '@tabler/icons-react';
import { call, CallError } from '../../app/api';
import { usePrivacy } from './privacy';
import { RecoveryCode } from './RecoveryCode';

export function LockScreen() {
  const { set, reload, state } = usePrivacy();
  const [mode, setMode] = useState<'password' | 'recover'>('password');
  const [password, setPassword] = useState('');
  const [code, setCode] = useState('');
  const [next, setNext] = useState('');
  const [repeat, setRepeat] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const [issued, setIssued] = useState<string | null>(null);

  const run = async (action: () => Promise<void>) => {
    setBusy(true);
    setError(null);
    try {
      await action();
    } catch (e) {
      setError(e instanceof CallError ? e.message : 'Не получилось. Повторите.');
    } finally {
      setBusy(false);
    }
  };

  if (state?.lost) {
    return (
      <Center h="100vh">
        <Alert color="red" title="Сведения об обучающихся недоступны" maw={620}>
          Ключ шифрования этого рабочего места не найден на компьютере, а пароль не задавался. Если файл перенесли с другого
          компьютера, перенесите вместе с ним всю папку данных. Прочие разделы программы работают.
        </Alert>
      </Center>
    );
  }
  if (issued) {
    return <Center h="100vh"><Paper withBorder p="xl" w={560}><RecoveryCode code={issued} onDone={() => void reload()} /></Paper></Center>;
  }
  return (
    <Center h="100vh" bg="gray.0">
      <Paper withBorder shadow="sm" p="xl" w={440} data-testid="lock-screen">
        <form onSubmit={(e) => {
          e.preventDefault();
          if (mode === 'password') void run(async () => set(await call('privacy.unlock', { password })));
          else if (next !== repeat) setError('Пароли не совпадают.');
          else void run(async () => setIssued((await call('privacy.recover', { code, password: next })).recoveryCode));
        }}>
          <Stack>
            <Stack gap={4} align="center">
              <IconLock size={36} color="var(--mantine-color-blue-7)" />
              <Title order={3}>Опора заблокирована</Title>
              <Text size="sm" c="dimmed" ta="center">Сведения об обучающихся защищены паролем рабочего места.</Text>
            </Stack>
            {mode === 'password' ? (
              <PasswordInput label="Пароль рабочего места" value={password} onChange={(e) => setPassword(e.currentTarget.value)} autoFocus data-autofocus />
            ) : (
              <>
                <TextInput label="Код восстановления" placeholder="XXXX-XXXX-XXXX-XXXX-XXXX-XXXX" value={code} onChange={(e) => setCode(e.currentTarget.value)} autoFocus />
                <PasswordInput label="Новый пароль" description="Не короче 8 символов" value={next} onChange={(e) => setNext(e.currentTarget.value)} />
                <PasswordInput label="Новый пароль ещё раз" value={repeat} onChange={(e) => setRepeat(e.currentTarget.value)} />
              </>
            )}
            {error && <Text c="red" size="sm" role="alert">{error}</Text>}
            <Button type="submit" loading={busy}>{mode === 'password' ? 'Открыть' : 'Задать новый пароль'}</Button>
            <Anchor component="button" type="button" size="sm" ta="center" onClick={() => { setMode(mode === 'password' ? 'recover' : 'password'); setError(null); }}>
              {mode === 'password' ? 'Забыли пароль? Войти по коду восстановления' : 'Вернуться к паролю'}
            </Anchor>
          </Stack>
        </form>
      </Paper>
    </Center>
  );
}
