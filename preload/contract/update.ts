/**
 * Program updates from a flash drive (main/services/update): the school checks a package and starts its
 * installer; the department copies a signed package to a drive for schools. No path crosses the door:
 * main finds the folder on a drive or asks in its own dialog, and remembers what it has checked.
 */
import { z } from 'zod';
import { call, ANY_ROLE } from './define.js';

export interface WhatsNew {
  version: string;
  lines: string[];
}

export interface UpdateOfferView {
  /** Where the package is (shown so a person knows which drive). */
  folder: string;
  version: string;
  /** The release day, YYYY-MM-DD (the screen writes it as ДД.ММ.ГГГГ). */
  publishedAt: string;
  installerFile: string;
  /** «установщик Windows», «пакет deb (Astra Linux, Debian)»… */
  installerWords: string;
  /** The command to run for a Linux package; null when the app starts the installer (Windows). */
  command: string | null;
  /** The app can start this installer itself (the desktop app on Windows). */
  canStart: boolean;
  whatsNew: WhatsNew[];
}

export interface UpdateCheck {
  /** offer: a newer package for this computer; refused: a package that must not be installed (why: `refusal`);
   *  none: no package found on the drives; cancelled: the folder dialog was closed. */
  status: 'offer' | 'refused' | 'none' | 'cancelled';
  currentVersion: string;
  offer: UpdateOfferView | null;
  refusal: string | null;
  /** The folder a refused package is in (null when none was found). */
  folder: string | null;
  /** The desktop app can ask for a folder; a browser tab cannot. */
  folderDialog: boolean;
  /** The desktop app starts a Windows installer itself; a browser tab shows the file to run. */
  startsInstaller: boolean;
}

export interface UpdateStart {
  /** The installer is running (the app closes so it can replace the program's files). */
  started: boolean;
  /** The command to run (Linux), or null. */
  command: string | null;
  message: string;
}

export interface UpdateCopied {
  cancelled: boolean;
  folder: string | null;
  version: string | null;
  files: number;
}

/** What the panel shows before any check: the running version and what this window can do. */
export interface UpdateStatus {
  currentVersion: string;
  folderDialog: boolean;
  startsInstaller: boolean;
}

export const updateCalls = {
  'update.status': call<UpdateStatus>(...ANY_ROLE)(z.strictObject({})),
  /** Looks for a package on the flash drives (pick: asks for the folder instead) and checks it for this computer. */
  'update.check': call<UpdateCheck>(...ANY_ROLE)(z.strictObject({ pick: z.boolean().default(false) })),
  /** Checks the offered package again and starts its installer; `version` is the one the person agreed to. */
  'update.start': call<UpdateStart>(...ANY_ROLE)(z.strictObject({ version: z.string().min(1).max(80) })),
  /** The department: a signed package, checked, copied to a flash drive for schools. */
  'update.copyForSchools': call<UpdateCopied>('municipality')(z.strictObject({})),
};
