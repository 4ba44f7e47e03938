import { ErrorCode, ZegoError, zegoError } from './constants.js';

/** API.md's limits, checked before anything is sent; the same rules as io.parley.protocol.Limits. */

const ID_PUNCTUATION = "~!@#$%^&*()_+=-`;',.<>/";
const encoder = new TextEncoder();

export function utf8Length(s: string): number {
  return encoder.encode(s).length;
}

function isAsciiLetterOrDigit(c: string): boolean {
  return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9');
}

function isIdentifier(s: unknown, limitBytes: number): boolean {
  if (typeof s !== 'string' || s.length === 0 || s.length >= limitBytes) return false;
  for (const c of s) {
    if (!(isAsciiLetterOrDigit(c) || ID_PUNCTUATION.includes(c))) return false;
  }
  return true;
}

/** Returns the error for a bad argument, or undefined when it is fine. */
export type Check = ZegoError | undefined;

export function checkRoomID(roomID: unknown): Check {
  return isIdentifier(roomID, 128) ? undefined
    : zegoError(ErrorCode.ROOM_ID_INVALID, 'roomID must be 1 to 127 bytes of letters, digits and ' + ID_PUNCTUATION);
}

export function checkUserID(userID: unknown): Check {
  return isIdentifier(userID, 64) ? undefined
    : zegoError(ErrorCode.USER_ID_INVALID, 'userID must be 1 to 63 bytes of letters, digits and ' + ID_PUNCTUATION);
}

export function checkUserName(userName: unknown): Check {
  // eslint-disable-next-line no-control-regex
  if (typeof userName === 'string' && utf8Length(userName) < 256 && !/[\u0000-\u001f\u007f-\u009f]/.test(userName)) {
    return undefined;
  }
  return zegoError(ErrorCode.USER_NAME_INVALID, 'userName must be under 256 bytes with no control character');
}

export function checkStreamID(streamID: unknown): Check {
  if (typeof streamID !== 'string' || streamID.length === 0) return zegoError(ErrorCode.STREAM_ID_EMPTY, 'streamID is empty');
  if (utf8Length(streamID) >= 256) return zegoError(ErrorCode.STREAM_ID_TOO_LONG, 'streamID must be under 256 bytes');
  if (!/^[A-Za-z0-9_-]+$/.test(streamID)) {
    return zegoError(ErrorCode.STREAM_ID_INVALID_CHARACTER, "streamID may hold only letters, digits, '-' and '_'");
  }
  return undefined;
}

export function checkStreamExtraInfo(extraInfo: unknown): Check {
  return typeof extraInfo === 'string' && utf8Length(extraInfo) <= 1024 ? undefined
    : zegoError(ErrorCode.EXTRA_INFO_TOO_LONG, 'stream extra info must be a string of at most 1024 bytes');
}

export function checkRoomExtraInfo(key: unknown, value: unknown): Check {
  if (typeof key !== 'string' || key.length === 0 || utf8Length(key) > 10) {
    return zegoError(ErrorCode.EXTRA_INFO_TOO_LONG, 'room extra info key must be 1 to 10 bytes');
  }
  if (typeof value !== 'string' || utf8Length(value) > 128) {
    return zegoError(ErrorCode.EXTRA_INFO_TOO_LONG, 'room extra info value must be a string of at most 128 bytes');
  }
  return undefined;
}

export function checkMessage(message: unknown): Check {
  return typeof message === 'string' && message.length > 0 && utf8Length(message) <= 1024 ? undefined
    : zegoError(ErrorCode.MESSAGE_TOO_LONG, 'a message or command must be 1 to 1024 bytes');
}

export function checkCredential(name: string, value: unknown): Check {
  return value === undefined || (typeof value === 'string' && utf8Length(value) <= 4096) ? undefined
    : zegoError(ErrorCode.FIELD_INVALID, name + ' must be a string of at most 4096 bytes');
}

export function checkAppID(appID: unknown): Check {
  return typeof appID === 'number' && Number.isInteger(appID) && appID > 0 && appID <= 0xffffffff ? undefined
    : zegoError(ErrorCode.APP_ID_INVALID, 'appID must be a whole number from 1 to 4294967295');
}

export function checkAppSign(appSign: unknown): Check {
  return typeof appSign === 'string' && /^[0-9a-fA-F]{64}$/.test(appSign) ? undefined
    : zegoError(ErrorCode.APP_SIGN_INVALID, 'appSign must be 64 hex characters');
}

/** The first error of several checks, if any. */
export function firstError(...checks: Check[]): Check {
  return checks.find((c) => c !== undefined);
}
