/**
 * «Справка»: «Как передать данные в управление образования», step by step with a picture for each step,
 * and every hard word of the program explained (the same glossary the «?» marks use).
 */
import { Card, Group, Stack, Text, ThemeIcon, Title, Table, Badge } from '@mantine/core';
import { IconFileCertificate, IconKey, IconUpload, IconUsb, IconPhoneCall, IconChecks, IconShieldCheck } from '@tabler/icons-react';
import { PageHeader } from '../../components/PageHeader';
import { GLOSSARY, type GlossaryTerm } from '../../../../common/glossary';
import { version } from '../../../../package.json';

const STEPS: { icon: typeof IconUsb; title: string; text: string; where: string }[] = [
  { icon: IconFileCertificate, title: 'Получите файл подключения и код', where: 'Один раз',
    text: 'Методист управления образования выдаёт школе файл подключения (*.opora-enroll) и отдельно — код из 10 знаков: по телефону или на бумаге. Файл и код никогда не передаются вместе.' },
  { icon: IconKey, title: 'Откройте файл подключения', where: 'Обмен данными → «Открыть файл подключения»',
    text: 'Выберите файл и введите код. Программа покажет название управления и отпечаток его ключа — сверьте первую группу знаков с методистом. После этого файлы школы шифруются для управления.' },
  { icon: IconUpload, title: 'Сделайте файл обмена', where: 'Обмен данными → «Выгрузка»',
    text: 'Нажмите «Выгрузить на флешку…» (в браузере — «Скачать файл обмена»). Программа проверит тексты: если где-то вписаны имя или дата рождения ребёнка, она покажет, что исправить, или заменит их кодами одной кнопкой. ФИО и даты рождения обучающихся не выгружаются никогда.' },
  { icon: IconUsb, title: 'Передайте файл', where: 'Флешка или закрытый канал связи',
    text: 'Файл с окончанием .opora можно нести на флешке: он подписан ключом школы и зашифрован — потерянная флешка ничего не раскроет. Флешку можно извлечь, когда программа скажет «Файл записан и проверен».' },
  { icon: IconPhoneCall, title: 'Если файл попал в карантин', where: 'У методиста: Обмен данными → «Карантин»',
    text: 'Так бывает, если школа ещё не подключена или у неё новый ключ. Методист звонит в школу, вы вместе читаете отпечаток ключа (он есть вверху страницы «Обмен данными»), и методист принимает файл.' },
  { icon: IconChecks, title: 'Проверьте, что данные дошли', where: 'Обмен данными → «Мои файлы для управления образования»',
    text: 'Когда придёт следующий файл от управления образования и вы его загрузите, у каждого вашего файла появится отметка «загружен управлением образования» с датой, числом принятых записей и конфликтов; пока её нет — «ещё не загружен». В следующий раз снова выгрузите файл целиком: каждый файл — полный снимок, потерянный ничего не теряет.' },
];

export function HelpPage() {
  return (
    <Stack>
      <PageHeader title="Справка" subtitle="Как передать данные в управление образования, и что значат слова программы" />
      <Card withBorder data-testid="help-steps">
        <Title order={3} mb="md">Как передать данные в управление образования</Title>
        <Stack gap="md">
          {STEPS.map((s, i) => (
            <Group key={s.title} align="flex-start" wrap="nowrap" gap="md">
              <ThemeIcon size={56} radius="md" variant="light" color={i === 4 ? 'orange' : 'blue'}><s.icon size={32} /></ThemeIcon>
              <Stack gap={2}>
                <Group gap="xs"><Badge variant="filled" size="lg" circle>{i + 1}</Badge><Text fw={600}>{s.title}</Text></Group>
                <Text size="xs" c="dimmed">{s.where}</Text>
                <Text size="sm">{s.text}</Text>
              </Stack>
            </Group>
          ))}
          <Group gap="xs"><IconShieldCheck size={18} color="var(--mantine-color-teal-7)" /><Text size="sm">Перед каждой загрузкой файла программа сама делает резервную копию данных («Настройки и копии»).</Text></Group>
        </Stack>
      </Card>
      <Card withBorder data-testid="help-about">
        <Title order={3} mb="md">О программе</Title>
        <Stack gap="xs">
          <Text size="lg" fw={600} data-testid="app-version">«Опора», версия {version}</Text>
          <Text size="sm">
            Школы и управление образования обновляют программу в разные дни, и это нормально. Файл обмена сам говорит, какая версия нужна,
            чтобы его прочитать: пока в нём нет ничего нового для получателя, его прочитает и прежняя версия. Если же нужна новая, программа
            скажет об этом при загрузке и назовёт версию, которую надо установить; управление образования видит версию каждой школы
            в сводке и заранее узнаёт при выгрузке, кому понадобится обновление.
          </Text>
          <Text size="sm" c="dimmed">Версия записывается в каждый файл обмена: по ней управление образования видит, какая «Опора» стоит в школе.</Text>
        </Stack>
      </Card>
      <Card withBorder data-testid="help-glossary">
        <Title order={3} mb="md">Словарь</Title>
        <Table>
          <Table.Tbody>
            {(Object.keys(GLOSSARY) as GlossaryTerm[]).map((t) => (
              <Table.Tr key={t}><Table.Td w={180}><Text fw={600}>{t}</Text></Table.Td><Table.Td><Text size="sm">{GLOSSARY[t]}</Text></Table.Td></Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </Card>
    </Stack>
  );
}
