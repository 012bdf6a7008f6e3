/**
 * The update package on a flash drive — a folder holding:
 *   opora-release.json   the manifest: version, and for each file its kind, system, size and SHA-256
 *   opora-release.sig    the Ed25519 signature of the manifest's exact bytes (base64), by the release key
 *   the installers       Опора-1.0.0-setup.exe, opora_1.0.0_amd64.deb, opora-1.0.0.x86_64.rpm, …
 *   CHANGELOG.md         what is new (optional; its hash is in the manifest, so it is signed too)
 * The signature covers the manifest's bytes as written, so nothing is re-serialised before checking.
 */
import { z } from 'zod';
import { INSTALLER_ARCHES, INSTALLER_KINDS, INSTALLER_PLATFORMS } from './platform.js';
import { isVersion } from './version.js';

export const MANIFEST_FILE = 'opora-release.json';
export const SIGNATURE_FILE = 'opora-release.sig';
export const CHANGELOG_FILE = 'CHANGELOG.md';
export const UPDATE_FORMAT = 1;
/** A manifest lists a handful of files; anything larger is not ours. */
export const MANIFEST_MAX_BYTES = 64 * 1024;

/** A plain file name: no folders, no dots-only names, nothing a shell or Windows would read specially. */
const fileName = z.string().min(1).max(200).refine((s) => !/[\\/:*?"<>|\0]/.test(s) && s !== '.' && s !== '..' && !s.startsWith('.'), 'bad file name');
const sha256 = z.string().regex(/^[0-9a-f]{64}$/);

export const installerEntry = z.strictObject({
  file: fileName,
  kind: z.enum(INSTALLER_KINDS),
  platform: z.enum(INSTALLER_PLATFORMS),
  arch: z.enum(INSTALLER_ARCHES),
  size: z.number().int().min(1).max(2 ** 40),
  sha256,
});
export type InstallerEntry = z.infer<typeof installerEntry>;

export const releaseManifest = z.strictObject({
  format: z.literal(UPDATE_FORMAT),
  product: z.literal('opora'),
  version: z.string().max(80).refine(isVersion, 'bad version'),
  /** Calendar day of the release, YYYY-MM-DD (shown formatted). */
  publishedAt: z.string().regex(/^\d{4}-\d{2}-\d{2}$/),
  /** Fingerprint of the signing key: tells a foreign key apart from a changed manifest. */
  signer: z.string().regex(/^[0-9a-f]{16}$/),
  installers: z.array(installerEntry).min(1).max(20),
  changelog: z.strictObject({ file: z.literal(CHANGELOG_FILE), size: z.number().int().min(0).max(4 * 1024 * 1024), sha256 }).nullable(),
});
export type ReleaseManifest = z.infer<typeof releaseManifest>;

/** Every file the manifest names (the installers and the changelog). */
export function manifestFiles(m: ReleaseManifest): { file: string; size: number; sha256: string }[] {
  return [...m.installers, ...(m.changelog ? [m.changelog] : [])];
}
