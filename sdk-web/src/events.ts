import type { ZegoRoomState, ZegoRoomStateChangedReason, ZegoUpdateType } from './constants.js';
import type { ZegoPublisherState } from './publisher.js';
import type { ZegoPlayStreamQuality, ZegoPublishStreamQuality } from './quality.js';
import type { ZegoStream, ZegoUser } from './room.js';

export interface ZegoRoomExtraInfo {
  key: string;
  value: string;
  updateUser: ZegoUser;
  updateTime: number;
}

export interface ZegoBroadcastMessageInfo {
  message: string;
  messageID: number;
  sendTime: number;
  fromUser: ZegoUser;
}

export interface ZegoBarrageMessageInfo {
  message: string;
  messageID: string;
  sendTime: number;
  fromUser: ZegoUser;
}

/**
 * The events and their arguments, as ZEGO's uni-app SDK has them (API.md). `extendedData` is a
 * JSON string. Events of the media stage (playerStateUpdate, quality and sound levels) may be
 * registered already; they fire once playing and media exist.
 */
export interface ZegoEvents {
  roomStateUpdate: (roomID: string, state: ZegoRoomState, errorCode: number, extendedData: string) => void;
  roomStateChanged: (roomID: string, reason: ZegoRoomStateChangedReason, errorCode: number, extendedData: string) => void;
  roomUserUpdate: (roomID: string, updateType: ZegoUpdateType, userList: ZegoUser[]) => void;
  roomOnlineUserCountUpdate: (roomID: string, count: number) => void;
  roomStreamUpdate: (roomID: string, updateType: ZegoUpdateType, streamList: ZegoStream[], extendedData: string) => void;
  roomStreamExtraInfoUpdate: (roomID: string, streamList: ZegoStream[]) => void;
  roomExtraInfoUpdate: (roomID: string, roomExtraInfoList: ZegoRoomExtraInfo[]) => void;
  roomTokenWillExpire: (roomID: string, remainTimeInSecond: number) => void;
  publisherStateUpdate: (streamID: string, state: ZegoPublisherState, errorCode: number, extendedData: string) => void;
  playerStateUpdate: (streamID: string, state: number, errorCode: number, extendedData: string) => void;
  /** Every 3 s while publishing with media. */
  publisherQualityUpdate: (streamID: string, quality: ZegoPublishStreamQuality) => void;
  /** Every 3 s while a played stream has media. */
  playerQualityUpdate: (streamID: string, quality: ZegoPlayStreamQuality) => void;
  IMRecvBroadcastMessage: (roomID: string, messageList: ZegoBroadcastMessageInfo[]) => void;
  IMRecvBarrageMessage: (roomID: string, messageList: ZegoBarrageMessageInfo[]) => void;
  IMRecvCustomCommand: (roomID: string, fromUser: ZegoUser, command: string) => void;
}
