/** `npm run web`: browser mode on 127.0.0.1 — prints the address (with nothing else to configure). */
import { join, resolve } from 'node:path';
import { homedir } from 'node:os';
import { startWebHost } from './web-host.js';

const args = process.argv.slice(2);
const arg = (name: string) => {
  const i = args.indexOf(name);
  return i >= 0 ? args[i + 1] : undefined;
};
const dataDir = resolve(arg('--data') ?? process.env.OPORA_DATA ?? join(homedir(), '.opora-web'));
const port = Number(arg('--port') ?? 0);
void startWebHost({ dataDir, rendererDir: resolve(__dirname, '../renderer/dist'), port }).then((host) => {
  console.log(`Опора в режиме браузера: ${host.url}\nПапка данных: ${dataDir}\nОстановить: Ctrl+C`);
  process.on('SIGINT', () => void host.close().then(() => process.exit(0)));
});
