/**
 * The exchange's private keys at rest, wrapped by the operating system's secret store through Electron's
 * safeStorage (DPAPI on Windows, the keyring on Linux). Falls back to the plain box (a 0600 key file) where
 * the OS offers no store, e.g. a Linux session without a keyring.
 */
import { safeStorage } from 'electron';
import { plainSecretBox, type SecretBox } from '../services/exchange/crypto.js';

export function safeStorageBox(): SecretBox {
  if (!safeStorage.isEncryptionAvailable()) return plainSecretBox;
  // On Linux without a real keyring Electron falls back to a hard-coded password: no better than plain.
  if (process.platform === 'linux' && safeStorage.getSelectedStorageBackend?.() === 'basic_text') return plainSecretBox;
  return {
    kind: 'safeStorage',
    protect: (plain) => safeStorage.encryptString(plain.toString('base64')),
    unprotect: (wrapped) => Buffer.from(safeStorage.decryptString(wrapped), 'base64'),
  };
}
