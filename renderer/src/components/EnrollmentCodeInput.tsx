/** Shared by the first run and the exchange page: where a school types its enrollment code. */
import { TextInput } from '@mantine/core';

/** The enrollment code the municipality printed or dictated: 10 characters, dashes and case do not matter. */
export function EnrollmentCodeInput({ value, onChange }: { value: string; onChange: (v: string) => void }) {
  return (
    <TextInput
      label="Код подключения"
      description="10 знаков, которые методист управления образования выдал отдельно от файла (на бумаге или по телефону)"
      placeholder="XXXXX-XXXXX"
      value={value}
      onChange={(e) => onChange(e.currentTarget.value)}
      autoComplete="off"
      data-autofocus
    />
  );
}
