/**
 * «Обновление программы»: a new version arrives on the same flash drive as the exchange files. The school
 * finds the package on the drive (or picks its folder), reads what is new and starts the installer (Windows)
 * or gets the one command to run (Linux); a package that must not be installed is refused in words. The
 * department writes a checked package to a flash drive for its schools.
 */
import { useState } from 'react';
import { Card, Stack, Group, Button, Text, Title, Alert, Code, CopyButton, List } from '@mantine/core';
import { IconSearch, IconFolderOpen, IconPlayerPlay, IconDeviceUsb, IconCopy, IconCheck } from '@tabler/icons-react';
import type { Role, UpdateCheck, UpdateStart } from '../../../../preload/contract/index';
import { call } from '../../app/api';
import { useAction } from '../../app/useAction';
import { useCall } from '../../app/data';
import { notifyOk } from '../../app/notify';
import { formatDate } from '../../../../common/format';

export function UpdatePanel({ role }: { role: Role }) {
  const { busy, run } = useAction();
  const [check, setCheck] = useState<UpdateCheck | null>(null);
  const [started, setStarted] = useState<UpdateStart | null>(null);
  const { value: status } = useCall('update.status', {});

  const find = (pick: boolean) => run(async () => {
    setStarted(null);
    const r = await call('update.check', { pick });
    if (r.status !== 'cancelled') setCheck(r);
  });
  const start = (version: string) => run(async () => {
    const r = await call('update.start', { version });
    setStarted(r);
    if (r.started) notifyOk(r.message);
  });
  const copyForSchools = () => run(async () => {
    const r = await call('update.copyForSchools', {});
    if (!r.cancelled) notifyOk(`Обновление до версии ${r.version} проверено и записано: ${r.folder}`);
  });

  const offer = check?.offer ?? null;
  return (
    <Card withBorder data-testid="update">
      <Stack gap="sm">
        <Title order={4}>Обновление программы</Title>
        <Text size="sm" c="dimmed">
          {role === 'municipality'
            ? 'Новая версия приходит от разработчиков папкой обновления; управление записывает её на флешку для школ, а своё приложение обновляет так же, как школа.'
            : 'Новая версия приходит на флешке из управления образованием вместе с файлами обмена.'}
          {' '}Программа проверяет подпись выпуска и каждый файл; более старую версию не предлагает.{status ? ` Установлена версия ${status.currentVersion}.` : ''}
        </Text>
        <Group>
          <Button leftSection={<IconSearch size={16} />} loading={busy} onClick={() => void find(false)}>Найти обновление на флешке</Button>
          {status?.folderDialog && (
            <Button variant="default" leftSection={<IconFolderOpen size={16} />} loading={busy} onClick={() => void find(true)}>Выбрать папку обновления…</Button>
          )}
          {role === 'municipality' && status?.folderDialog && (
            <Button variant="default" leftSection={<IconDeviceUsb size={16} />} loading={busy} onClick={() => void copyForSchools()}>Обновление для школ на флешку…</Button>
          )}
        </Group>
        {role === 'municipality' && status?.folderDialog && (
          <Text size="xs" c="dimmed">
            «Обновление для школ на флешку»: выберите папку обновления, полученную от разработчиков, затем флешку. Программа
            проверит пакет, запишет его в папку «Опора — обновление …» и проверит записанное.
          </Text>
        )}
        {role === 'municipality' && status && !status.folderDialog && (
          <Text size="xs" c="dimmed">Обновление для школ записывается на флешку в приложении «Опора» или командой opora update --pack.</Text>
        )}
        {check?.status === 'none' && (
          <Alert color="gray" data-testid="update-none">На подключённых флешках обновления нет. Вставьте флешку с папкой «Опора — обновление …» и нажмите ещё раз{check.folderDialog ? ' или выберите папку' : ''}.</Alert>
        )}
        {check?.status === 'refused' && (
          <Alert color="red" title="Это обновление устанавливать нельзя" data-testid="update-refused">
            {check.refusal}
            <Text size="xs" mt={4} c="dimmed">Папка: {check.folder}</Text>
          </Alert>
        )}
        {offer && (
          <Alert color="green" title={`Доступна версия ${offer.version} от ${formatDate(offer.publishedAt)}`} data-testid="update-offer">
            <Stack gap="xs">
              <Text size="sm">Подпись выпуска верна, файлы целы. Для этого компьютера: {offer.installerWords}, файл «{offer.installerFile}».</Text>
              {offer.whatsNew.map((s) => (
                <div key={s.version}>
                  <Text size="sm" fw={600}>Что нового в версии {s.version}</Text>
                  <List size="sm" spacing={2}>{s.lines.map((l, i) => <List.Item key={i}>{l.replace(/^• /, '')}</List.Item>)}</List>
                </div>
              ))}
              {offer.command ? (
                <>
                  <Text size="sm">Закройте «Опору» и выполните в терминале{/^(sudo|su) /.test(offer.command) ? ' (понадобится пароль администратора)' : ''}:</Text>
                  <Group gap="xs" wrap="nowrap" align="flex-start">
                    <Code block style={{ flex: 1, whiteSpace: 'pre-wrap', wordBreak: 'break-all' }} data-testid="update-command">{offer.command}</Code>
                    <CopyButton value={offer.command}>
                      {({ copied, copy }) => <Button size="xs" variant="default" onClick={copy} leftSection={copied ? <IconCheck size={14} /> : <IconCopy size={14} />}>{copied ? 'Скопировано' : 'Копировать'}</Button>}
                    </CopyButton>
                  </Group>
                  <Text size="xs" c="dimmed">Данные остаются на месте: новая версия откроет их сама, перед обновлением формата сделав копию.</Text>
                </>
              ) : (
                <Group>
                  <Button color="green" leftSection={<IconPlayerPlay size={16} />} loading={busy} onClick={() => void start(offer.version)}>
                    {offer.canStart ? 'Установить' : 'Как установить'}
                  </Button>
                  <Text size="xs" c="dimmed">Данные остаются на месте; перед обновлением формата программа сама сделает копию.</Text>
                </Group>
              )}
              {started && !started.started && <Text size="sm" data-testid="update-how">{started.message}</Text>}
            </Stack>
          </Alert>
        )}
      </Stack>
    </Card>
  );
}
