/**
 * Starting an update's installer (Windows; services/update has checked the package's signature and every
 * file's hash first). The app then closes, so the installer can replace the program's files; the data stay.
 */
import { app, shell } from 'electron';

/** How long the installer gets to show its window before the app closes under it. */
const QUIT_AFTER_MS = 1500;

export async function startInstaller(path: string): Promise<string | null> {
  const problem = await shell.openPath(path);
  if (problem) return problem;
  setTimeout(() => app.quit(), QUIT_AFTER_MS);
  return null;
}
