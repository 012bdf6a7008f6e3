/**
 * «Персональные данные» in the header: the password and the idle lock, what will be erased and when (with
 * erasure of one pupil at once), and who looked — the access log, for the director.
 */
import { useState } from 'react';
import { Modal, Tabs, Stack, Text, Table, Button, Group, NumberInput, Alert } from '@mantine/core';
import { call } from '../../app/api';
import { useCall } from '../../app/data';
import { notifyError, notifyOk } from '../../app/notify';
import { formatDate, count } from '../../../../common/format';
import { useConfirm } from '../../components/ConfirmDialog';
import { usePrivacy } from './privacy';
import { PasswordDialog } from './PasswordDialog';

const ACTION: Record<string, string> = { open_card: 'Открыта карточка', print: 'Напечатан документ', export: 'Выгрузка файла обмена', erase: 'Сведения стёрты', share_unchecked: 'Передан файл, который программа не может прочитать' };

function Retention() {
  const { value: plan, error } = useCall('privacy.erasure.plan', {});
  const [years, setYears] = useState<number | string>('');
  const { confirm, node } = useConfirm();
  if (error) return <Alert color="red">{error}</Alert>;
  if (!plan) return null;
  return (
    <Stack>
      <Text size="sm">
        ФИО и даты рождения детей, снятых с учёта группы риска (и не состоящих в списке одарённых), хранятся до конца
        учебного года, в котором их сняли, и ещё {count(plan.retentionYears, ['учебный год', 'учебных года', 'учебных лет'])} после него, затем стираются сами. Записи без имени остаются для численности в справках.
      </Text>
      <Group align="flex-end">
        <NumberInput label="Сколько учебных лет хранить после снятия с учёта" min={0} max={10} w={340} value={years === '' ? plan.retentionYears : years} onChange={setYears} />
        <Button variant="default" onClick={() => void call('privacy.erasure.setRetention', { years: Number(years === '' ? plan.retentionYears : years) }).then(() => notifyOk('Срок хранения сохранён'), notifyError)}>Сохранить</Button>
      </Group>
      {plan.pupils.length === 0 ? <Text size="sm" c="dimmed">Сейчас стирать нечего: все обучающиеся с ФИО состоят в списках.</Text> : (
        <Table withTableBorder verticalSpacing={6} data-testid="erasure-plan">
          <Table.Thead><Table.Tr><Table.Th>Обучающийся</Table.Th><Table.Th>Класс</Table.Th><Table.Th>Снят с учёта</Table.Th><Table.Th>Будет стёрт после</Table.Th><Table.Th /></Table.Tr></Table.Thead>
          <Table.Tbody>
            {plan.pupils.map((p) => (
              <Table.Tr key={p.pupilId}>
                <Table.Td>{p.name}</Table.Td><Table.Td>{p.className}</Table.Td><Table.Td>{formatDate(p.leftOn)}</Table.Td><Table.Td>{formatDate(p.eraseAfter)}</Table.Td>
                <Table.Td>
                  <Button size="xs" variant="subtle" color="red" onClick={() => confirm({
                    title: 'Стереть сведения сейчас?', action: 'Стереть',
                    text: `ФИО и дата рождения (${p.name}) будут стёрты без возможности восстановления; записи группы риска останутся без имени.`,
                    run: async () => { await call('privacy.erasure.erase', { pupilId: p.pupilId }); notifyOk('Сведения стёрты'); },
                  })}>Стереть сейчас</Button>
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      )}
      {node}
    </Stack>
  );
}

function AccessLog() {
  const { value, error } = useCall('privacy.accessLog', {});
  if (error) return <Alert color="red">{error}</Alert>;
  if (!value) return null;
  if (!value.length) return <Text size="sm" c="dimmed">Записей пока нет.</Text>;
  return (
    <Table withTableBorder verticalSpacing={4} data-testid="access-log">
      <Table.Thead><Table.Tr><Table.Th>Когда</Table.Th><Table.Th>Пользователь</Table.Th><Table.Th>Действие</Table.Th><Table.Th>Обучающийся</Table.Th></Table.Tr></Table.Thead>
      <Table.Tbody>
        {value.map((a, i) => (
          <Table.Tr key={i}>
            <Table.Td>{`${formatDate(a.at.slice(0, 10))} ${new Date(a.at).toLocaleTimeString('ru-RU', { hour: '2-digit', minute: '2-digit' })}`}</Table.Td>
            <Table.Td>{a.user}</Table.Td>
            <Table.Td>{ACTION[a.action] ?? a.action}{a.detail ? ` (${a.detail})` : ''}</Table.Td>
            <Table.Td>{a.pupil || '—'}</Table.Td>
          </Table.Tr>
        ))}
      </Table.Tbody>
    </Table>
  );
}

export function PrivacyDialog(props: { opened: boolean; onClose: () => void; school: boolean }) {
  const { state } = usePrivacy();
  const [password, setPassword] = useState(false);
  return (
    <Modal opened={props.opened} onClose={props.onClose} title="Персональные данные" size="xl">
      <Tabs defaultValue="password">
        <Tabs.List>
          <Tabs.Tab value="password">Пароль</Tabs.Tab>
          {props.school && <Tabs.Tab value="retention">Срок хранения</Tabs.Tab>}
          <Tabs.Tab value="log">Журнал доступа</Tabs.Tab>
        </Tabs.List>
        <Tabs.Panel value="password" pt="md">
          <Stack>
            <Text size="sm">
              {state?.hasPassword
                ? `Пароль задан. Программа блокируется сама через ${state.idleMinutes} мин без действий и при каждом запуске.`
                : state?.keyStore === 'safeStorage'
                  ? 'Пароль не задан: ключ шифрования защищён хранилищем ключей системы — данные не прочитать на другом компьютере или под другой учётной записью, но любой, кто сел за этот компьютер под вашей учётной записью, их видит.'
                  : 'Пароль не задан: ключ шифрования лежит в файле рядом с базой. Копия одной базы (резервная, на флешке) без этого файла не читается, но тот, кто скопирует всю папку данных, прочитает всё. Задайте пароль.'}
            </Text>
            <Group><Button onClick={() => setPassword(true)}>{state?.hasPassword ? 'Сменить пароль или время блокировки' : 'Задать пароль'}</Button></Group>
          </Stack>
        </Tabs.Panel>
        {props.school && <Tabs.Panel value="retention" pt="md"><Retention /></Tabs.Panel>}
        <Tabs.Panel value="log" pt="md"><AccessLog /></Tabs.Panel>
      </Tabs>
      <PasswordDialog opened={password} onClose={() => setPassword(false)} />
    </Modal>
  );
}
