import { ExpressEngine } from './engine.js';

export { ExpressEngine, ExpressEngine as ZegoExpressEngine };
export type { ZegoEngineProfile, EngineOptions, ZegoResult } from './engine.js';
export type { ZegoUser, ZegoRoomConfig, ZegoStream } from './room.js';
export type { WebSocketLike, WebSocketFactory } from './signaling.js';
export type { Clock } from './clock.js';
export type { ZegoEvents, ZegoRoomExtraInfo, ZegoBroadcastMessageInfo, ZegoBarrageMessageInfo } from './events.js';
export { ErrorCode, ZegoRoomState, ZegoRoomStateChangedReason, ZegoUpdateType, ZegoScenario } from './constants.js';
export { ZegoPublisherState } from './publisher.js';
export { ZegoPlayerState } from './player.js';
export type { MediaEnv } from './media.js';
export { ZegoStreamQualityLevel } from './quality.js';
export type { ZegoPublishStreamQuality, ZegoPlayStreamQuality } from './quality.js';
export type { ZegoError } from './constants.js';
export default ExpressEngine;
