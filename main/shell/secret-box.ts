/**
 * The exchange's private keys at rest, wrapped by the operating system's secret store through Electron's
 * safeStorage (DPAPI on Windows, the keyring on Linux). Falls back to the plain box (a 0600 key file) where
 * the OS offers no store, e.g. a Linux session without a keyring.
 */
import { safeStorage } from 'electron';
import { plainSecretBox, type SecretBox } from '../services/core/crypto.js';

/** Whether the OS store can wrap keys; a store that throws when asked (a broken keyring) counts as none. */
function storeUsable(): boolean {
  try {
    if (!safeStorage.isEncryptionAvailable()) return false;
    // On Linux without a real keyring Electron falls back to a hard-coded password: no better than plain.
    return !(process.platform === 'linux' && safeStorage.getSelectedStorageBackend?.() === 'basic_text');
  } catch {
    return false;
  }
}

export function safeStorageBox(): SecretBox {
  if (!storeUsable()) return plainSecretBox;
  return {
    kind: 'safeStorage',
    protect: (plain) => safeStorage.encryptString(plain.toString('base64')),
    unprotect: (wrapped) => Buffer.from(safeStorage.decryptString(wrapped), 'base64'),
  };
}
