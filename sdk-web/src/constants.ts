/** ZEGO's enums and error codes, with ZEGO's numeric values (API.md). */

export enum ZegoRoomState {
  Disconnected = 0,
  Connecting = 1,
  Connected = 2,
}

export enum ZegoRoomStateChangedReason {
  Logining = 0,
  Logined = 1,
  LoginFailed = 2,
  Reconnecting = 3,
  Reconnected = 4,
  ReconnectFailed = 5,
  KickOut = 6,
  Logout = 7,
  LogoutFailed = 8,
}

export enum ZegoUpdateType {
  Add = 0,
  Delete = 1,
}

/** publisherQualityUpdate / playerQualityUpdate level. */
export enum ZegoStreamQualityLevel { Excellent = 0, Good = 1, Medium = 2, Bad = 3, Die = 4 }

export enum ZegoScenario {
  General = 0,
  Communication = 1,
  Live = 2,
}

/** ZEGO's error codes (API.md) and Parley's own (docs/protocol.md, 11000xx). */
export const ErrorCode = {
  SUCCESS: 0,
  NOT_LOGGED_IN: 1000002,
  STREAM_ID_TOO_LONG: 1000014,
  STREAM_ID_EMPTY: 1000015,
  STREAM_ID_INVALID_CHARACTER: 1000016,
  APP_ID_INVALID: 1001004,
  APP_SIGN_INVALID: 1001005,
  TOO_MANY_ROOMS: 1002001,
  LOGIN_NETWORK: 1002030,
  LOGIN_TIMEOUT: 1002031,
  AUTH_FAILED: 1002033,
  KICKED_OUT_DUPLICATE_LOGIN: 1002050,
  CONNECTION_INTERRUPTED: 1002051,
  DISCONNECTED: 1002052,
  RECONNECT_FAILED: 1002053,
  KICKED_OUT_TOKEN_EXPIRED: 1002056,
  NO_CREDENTIALS: 1002067,
  ALREADY_PUBLISHING: 1003023,
  EXTRA_INFO_TOO_LONG: 1003051,
  PLAY_FAILED: 1004001,
  STREAM_NOT_FOUND: 1004002,
  MESSAGE_TOO_LONG: 1009002,
  FIELD_INVALID: 1100003,
  ROOM_ID_INVALID: 1100010,
  USER_ID_INVALID: 1100011,
  USER_NAME_INVALID: 1100012,
  NO_SESSION_TO_RESUME: 1100021,
  SDP_INVALID: 1100030,
  /** Parley's Web SDK only: the browser refused the camera, the microphone or the peer connection. */
  MEDIA_FAILED: 1100031,
} as const;

/** What every failed call rejects with, as ZEGO's SDKs report a failure. */
export interface ZegoError {
  errorCode: number;
  extendedData: string;
}

export function zegoError(errorCode: number, message: string): ZegoError {
  return { errorCode, extendedData: JSON.stringify({ message }) };
}

export function isZegoError(e: unknown): e is ZegoError {
  return typeof e === 'object' && e !== null && typeof (e as ZegoError).errorCode === 'number';
}
