package io.parley.sdk;

/** A barrage message received (ZEGO's ZegoBarrageMessageInfo, whose messageID is a string). */
public record BarrageMessageInfo(String message, String messageID, long sendTime, User fromUser) {
}
