/** The recovery code, shown once: to print or write down, with what it is for said plainly. */
import { Alert, Button, Code, Group, Stack, Text } from '@mantine/core';
import { IconPrinter } from '@tabler/icons-react';

export function RecoveryCode(props: { code: string; onDone: () => void }) {
  return (
    <Stack data-testid="recovery-code">
      <Alert color="orange" title="Код восстановления — запишите или распечатайте его сейчас">
        Программа показывает код один раз. Если пароль забудут, только этот код откроет сведения об обучающихся.
        Храните его отдельно от компьютера — например, в сейфе директора.
      </Alert>
      <Code block fz="xl" ta="center" data-testid="recovery-code-value">{props.code}</Code>
      <Group justify="space-between">
        <Button variant="default" leftSection={<IconPrinter size={16} />} onClick={() => window.print()}>Распечатать</Button>
        <Button onClick={props.onDone}>Я записал код</Button>
      </Group>
      <Text size="xs" c="dimmed">Код не хранится в программе в открытом виде: восстановить его нельзя, можно только задать новый пароль и получить новый код.</Text>
    </Stack>
  );
}
