/**
 * What the update handlers need from where they run. The Electron shell sets `startInstaller`; a browser
 * tab has none (it shows the command or the file instead); tests set the key, system and version of a
 * computer they describe.
 */
import type { KeyObject } from 'node:crypto';
import type { SystemFacts } from './platform.js';

export interface UpdateHost {
  /** Starts the installer (Windows): returns a problem in words, or null once it has started. */
  startInstaller?: (path: string) => Promise<string | null>;
  /** Roots of removable drives to look for an update folder on (default: drives.ts's driveRoots). */
  driveRoots?: () => string[];
  /** The key packages must be signed with (default: the built-in release key). */
  releaseKey?: KeyObject;
  /** This computer (default: process.platform/arch and /etc/os-release). */
  system?: SystemFacts;
  /** The running version (default: package.json's). */
  currentVersion?: string;
}
