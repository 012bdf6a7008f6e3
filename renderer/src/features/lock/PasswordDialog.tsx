/**
 * Setting (or changing) the workspace password and the idle lock. Before the password is set the dialog says
 * plainly what happens when both the password and the recovery code are lost.
 */
import { useState } from 'react';
import { Modal, Stack, PasswordInput, Checkbox, Button, Alert, NumberInput, Text, Group } from '@mantine/core';
import { call, CallError } from '../../app/api';
import { notifyOk } from '../../app/notify';
import { usePrivacy } from './privacy';
import { RecoveryCode } from './RecoveryCode';

export function PasswordDialog(props: { opened: boolean; onClose: () => void }) {
  const { state, set, reload } = usePrivacy();
  const [current, setCurrent] = useState('');
  const [password, setPassword] = useState('');
  const [repeat, setRepeat] = useState('');
  const [understood, setUnderstood] = useState(false);
  const [idle, setIdle] = useState<number | string>(state?.idleMinutes ?? 15);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const [issued, setIssued] = useState<string | null>(null);
  const has = !!state?.hasPassword;

  const close = () => {
    setCurrent(''); setPassword(''); setRepeat(''); setUnderstood(false); setError(null); setIssued(null);
    void reload();
    props.onClose();
  };
  const save = async () => {
    setError(null);
    if (password !== repeat) { setError('Пароли не совпадают.'); return; }
    if (!understood) { setError('Отметьте, что поняли, чем грозит потеря пароля и кода.'); return; }
    setBusy(true);
    try {
      const r = await call('privacy.setPassword', { ...(has ? { current } : {}), password, understood: true });
      setIssued(r.recoveryCode);
    } catch (e) {
      setError(e instanceof CallError ? e.message : 'Не получилось. Повторите.');
    } finally {
      setBusy(false);
    }
  };
  const saveIdle = async () => {
    try {
      set(await call('privacy.setIdle', { idleMinutes: Number(idle) || 0 }));
      notifyOk('Время автоматической блокировки сохранено');
    } catch (e) {
      setError(e instanceof CallError ? e.message : 'Не получилось. Повторите.');
    }
  };

  return (
    <Modal opened={props.opened} onClose={close} title={has ? 'Пароль рабочего места' : 'Задать пароль рабочего места'} size="lg">
      {issued ? <RecoveryCode code={issued} onDone={close} /> : (
        <Stack>
          {!has && (
            <Text size="sm">
              С паролем программа открывается экраном блокировки и закрывается сама, если компьютер оставили без присмотра.
              Сведения об обучающихся в файле зашифрованы ключом, который открывают только пароль или код восстановления.
            </Text>
          )}
          {has && <PasswordInput label="Текущий пароль" value={current} onChange={(e) => setCurrent(e.currentTarget.value)} />}
          <PasswordInput label={has ? 'Новый пароль' : 'Пароль'} description="Не короче 8 символов" value={password} onChange={(e) => setPassword(e.currentTarget.value)} />
          <PasswordInput label={has ? 'Новый пароль ещё раз' : 'Пароль ещё раз'} value={repeat} onChange={(e) => setRepeat(e.currentTarget.value)} />
          <Alert color="red" variant="light" title="Важно">
            Если забыть и пароль, и код восстановления, ФИО и даты рождения обучающихся не сможет прочитать никто — ни
            сотрудники школы, ни разработчики программы. Остальные данные (программа, кадры, журнал) останутся.
          </Alert>
          <Checkbox label="Понимаю: без пароля и кода восстановления сведения об обучающихся не восстановить" checked={understood} onChange={(e) => setUnderstood(e.currentTarget.checked)} />
          {error && <Text c="red" size="sm" role="alert">{error}</Text>}
          <Group justify="flex-end"><Button loading={busy} onClick={() => void save()}>{has ? 'Сменить пароль' : 'Задать пароль'}</Button></Group>
          {has && (
            <Group align="flex-end">
              <NumberInput label="Блокировать после бездействия, минут" description="0 — не блокировать самой" min={0} max={480} value={idle} onChange={setIdle} w={300} />
              <Button variant="default" onClick={() => void saveIdle()}>Сохранить</Button>
            </Group>
          )}
        </Stack>
      )}
    </Modal>
  );
}
