import { ErrorCode, zegoError } from './constants.js';

/**
 * The AppSign proof (docs/auth.md, "AppSign proof"): the AppSign never crosses the wire; the client
 * answers the server's hello nonce with lowercase_hex(HMAC-SHA256(appSign bytes, canonical)).
 */
export async function appSignProof(appSign: string, appID: number, userID: string, roomID: string, nonce: string): Promise<string> {
  const key = new Uint8Array(32);
  for (let i = 0; i < 32; i++) key[i] = parseInt(appSign.substr(i * 2, 2), 16);
  const canonical = ['parley-appsign-v1', String(appID), userID, roomID, nonce].join('\n');
  const subtle = globalThis.crypto?.subtle;
  if (!subtle) {
    throw zegoError(ErrorCode.AUTH_FAILED, 'the AppSign proof needs WebCrypto, which only a secure context (https or localhost) has: log in with a token');
  }
  const hmacKey = await subtle.importKey('raw', key, { name: 'HMAC', hash: 'SHA-256' }, false, ['sign']);
  const mac = new Uint8Array(await subtle.sign('HMAC', hmacKey, new TextEncoder().encode(canonical)));
  let hex = '';
  for (const b of mac) hex += b.toString(16).padStart(2, '0');
  return hex;
}
