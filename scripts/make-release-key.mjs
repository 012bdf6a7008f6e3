// A new release key pair, made once by the publisher: the private key goes to a file outside the
// repository (to be kept offline and passed to the release build as OPORA_RELEASE_KEY); the public key is
// printed to paste into main/services/update/release-key.ts. Usage: node scripts/make-release-key.mjs ФАЙЛ.pem
import { generateKeyPairSync, createHash } from 'node:crypto';
import { existsSync, writeFileSync } from 'node:fs';
import { resolve, relative, isAbsolute } from 'node:path';

const out = process.argv[2];
if (!out) {
  console.error('Укажите файл для закрытого ключа вне репозитория: node scripts/make-release-key.mjs ~/opora-release.pem');
  process.exit(2);
}
const rel = relative(process.cwd(), resolve(out));
if (!rel.startsWith('..') && !isAbsolute(rel)) {
  console.error('Закрытый ключ нельзя класть внутрь репозитория: выберите файл вне этой папки.');
  process.exit(2);
}
if (existsSync(out)) {
  console.error(`Файл ${out} уже есть: ключ не перезаписывается.`);
  process.exit(1);
}
const { publicKey, privateKey } = generateKeyPairSync('ed25519');
writeFileSync(out, privateKey.export({ type: 'pkcs8', format: 'pem' }), { mode: 0o600 });
const raw = publicKey.export({ type: 'spki', format: 'der' }).subarray(-32);
console.log(`Закрытый ключ записан: ${out} (храните вне сети, в двух копиях).`);
console.log(`Открытый ключ для RELEASE_PUBLIC_KEY_B64: ${raw.toString('base64')}`);
console.log(`Отпечаток: ${createHash('sha256').update(raw).digest('hex').slice(0, 16)}`);
