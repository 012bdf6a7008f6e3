import { firstScreen } from './app/start';
import { createRoot } from 'react-dom/client';
import '@mantine/core/styles.css';
import '@mantine/notifications/styles.css';
import './app/app.css';
import { App } from './app/App';

// The lock and the workspace answer in a moment: the shell is drawn once, with both, while index.html's spinner
// turns, instead of a spinner for each; the page's script and data go on loading meanwhile.
void firstScreen.then(() => createRoot(document.getElementById('root')!).render(<App />));
