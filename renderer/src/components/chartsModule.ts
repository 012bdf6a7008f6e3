// Loaded only by Charts.tsx when a chart is first drawn: recharts and Mantine's chart styles stay out of the first script.
import '@mantine/charts/styles.css';
export { BarChart, LineChart, AreaChart } from '@mantine/charts';
