/** Bytes from the contract's codecs as the Node Buffer that services (zlib, crypto, exceljs) take. */
export function asBuffer(bytes: Uint8Array): Buffer {
  // In main the codec already decodes to a Buffer; a plain Uint8Array is wrapped without copying.
  return Buffer.isBuffer(bytes) ? bytes : Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
}
