/**
 * Which installer fits this computer: the operating system and processor (process.platform/arch) mapped to
 * the installer kinds electron-builder makes, and, on Linux, the family of the distribution (Astra and
 * Debian take deb; ALT and РЕД ОС take rpm; anything else the AppImage).
 */
import { readFileSync } from 'node:fs';

export const INSTALLER_KINDS = ['nsis', 'portable', 'deb', 'rpm', 'appimage'] as const;
export type InstallerKind = (typeof INSTALLER_KINDS)[number];
export const INSTALLER_PLATFORMS = ['win32', 'linux'] as const;
export type InstallerPlatform = (typeof INSTALLER_PLATFORMS)[number];
export const INSTALLER_ARCHES = ['x64', 'arm64', 'ia32'] as const;
export type InstallerArch = (typeof INSTALLER_ARCHES)[number];

export const PLATFORM_OF_KIND: Record<InstallerKind, InstallerPlatform> = { nsis: 'win32', portable: 'win32', deb: 'linux', rpm: 'linux', appimage: 'linux' };

/** The Linux family an installer is chosen for; `alt` and `redos` differ in the command that installs an rpm. */
export type LinuxFamily = 'debian' | 'alt' | 'redos' | 'rpm' | 'other';

export interface SystemFacts {
  platform: string;
  arch: string;
  /** /etc/os-release's text on Linux (null elsewhere or when unreadable). */
  osRelease: string | null;
  /** Set when the running app is itself an AppImage or the portable exe (electron-builder sets these). */
  appImage?: string | null;
  portableExe?: string | null;
}

export function thisSystem(): SystemFacts {
  let osRelease: string | null = null;
  if (process.platform === 'linux') {
    try {
      osRelease = readFileSync('/etc/os-release', 'utf8');
    } catch {
      osRelease = null;
    }
  }
  return { platform: process.platform, arch: process.arch, osRelease, appImage: process.env.APPIMAGE ?? null, portableExe: process.env.PORTABLE_EXECUTABLE_FILE ?? null };
}

export function linuxFamily(osRelease: string | null): LinuxFamily {
  if (!osRelease) return 'other';
  const field = (k: string) => (new RegExp(`^${k}=("?)([^"\\n]*)\\1`, 'm').exec(osRelease)?.[2] ?? '').toLowerCase();
  const ids = `${field('ID')} ${field('ID_LIKE')}`.split(/\s+/).filter(Boolean);
  if (ids.some((i) => ['debian', 'astra', 'ubuntu'].includes(i))) return 'debian';
  if (ids.includes('altlinux') || ids.includes('alt')) return 'alt';
  if (ids.includes('redos')) return 'redos';
  if (ids.some((i) => ['rhel', 'fedora', 'centos', 'suse', 'opensuse'].includes(i))) return 'rpm';
  return 'other';
}

/** The kinds that install on this system, best first; empty when Опора has no build for it. */
export function kindsFor(sys: SystemFacts): InstallerKind[] {
  if (sys.platform === 'win32') return sys.portableExe ? ['portable', 'nsis'] : ['nsis', 'portable'];
  if (sys.platform !== 'linux') return [];
  if (sys.appImage) return ['appimage'];
  const family = linuxFamily(sys.osRelease);
  if (family === 'debian') return ['deb', 'appimage'];
  if (family === 'other') return ['appimage'];
  return ['rpm', 'appimage'];
}

const OS_WORDS: Record<string, string> = { win32: 'Windows', linux: 'Linux', darwin: 'macOS' };
const ARCH_WORDS: Record<string, string> = { x64: '64 бит', ia32: '32 бит', arm64: 'ARM, 64 бит' };

/** «Windows, 64 бит» — this system in words. */
export function systemWords(sys: Pick<SystemFacts, 'platform' | 'arch'>): string {
  return `${OS_WORDS[sys.platform] ?? sys.platform}, ${ARCH_WORDS[sys.arch] ?? sys.arch}`;
}

export const KIND_WORDS: Record<InstallerKind, string> = {
  nsis: 'установщик Windows',
  portable: 'переносная версия для Windows',
  deb: 'пакет deb (Astra Linux, Debian)',
  rpm: 'пакет rpm (ALT, РЕД ОС)',
  appimage: 'AppImage (любой Linux)',
};

const q = (path: string) => `"${path.replace(/(["\\$`])/g, '\\$1')}"`;

/**
 * The one command a person runs for a Linux package or to replace the running portable .exe (null where the app
 * starts the installer itself).
 * ALT's apt-get and РЕД ОС's dnf install a local rpm with its dependencies; plain rpm is the last resort.
 */
export function installCommand(kind: InstallerKind, path: string, sys: SystemFacts): string | null {
  switch (kind) {
    case 'deb':
      return `sudo apt install ${q(path)}`;
    case 'rpm': {
      const family = linuxFamily(sys.osRelease);
      if (family === 'alt') return `su -c 'apt-get install ${q(path)}'`;
      if (family === 'redos' || family === 'rpm') return `sudo dnf install ${q(path)}`;
      return `sudo rpm -U ${q(path)}`;
    }
    case 'portable':
      // The running portable .exe is replaced by the new one once the app is closed (Windows' own copy command).
      return sys.portableExe ? `copy /Y "${path}" "${sys.portableExe}"` : null;
    case 'appimage':
      return sys.appImage ? `cp ${q(path)} ${q(sys.appImage)} && chmod +x ${q(sys.appImage)}` : `chmod +x ${q(path)} && ${q(path)}`;
    default:
      return null;
  }
}
