/**
 * Imported first by the entry script: the first screen's calls go out while the rest of the script (React,
 * Mantine, the shell) is still being evaluated, not after.
 */
import { startFirstScreen } from './boot';

export const firstScreen = startFirstScreen();
