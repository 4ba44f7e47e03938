// ZEGO's numeric values as the Web SDK's callbacks carry them (API.md), for the tests' assertions.

/** roomUserUpdate / roomStreamUpdate updateType */
export const UpdateType = Object.freeze({ ADD: 0, DELETE: 1 });
/** roomStateUpdate state */
export const RoomState = Object.freeze({ DISCONNECTED: 0, CONNECTING: 1, CONNECTED: 2 });
/** publisherStateUpdate state */
export const PublisherState = Object.freeze({ NO_PUBLISH: 0, PUBLISH_REQUESTING: 1, PUBLISHING: 2 });
/** playerStateUpdate state */
export const PlayerState = Object.freeze({ NO_PLAY: 0, PLAY_REQUESTING: 1, PLAYING: 2 });
/** roomStreamUpdate DELETE: extendedData.stream_delete_reason[].code */
export const StreamDeleteReason = Object.freeze({
  STOPPED_BY_USER: 1, HEARTBEAT_TIMEOUT: 2, DUPLICATE_LOGIN: 3, KICKED_OUT: 4, DISCONNECTED: 5, REMOVED_BY_SERVER: 6,
});
