// Loaded by TypedDateInput when its calendar is first opened: most dates are typed, so the calendar and its styles wait.
import '@mantine/dates/styles.css';
export { DatePicker } from '@mantine/dates';
