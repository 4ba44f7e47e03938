package io.parley.server.api;

/**
 * One stream being published in a room, as DescribeSimpleStreamList lists it.
 *
 * @param streamId   the streamID
 * @param userId     its publisher's userID
 * @param userName   its publisher's userName
 * @param extraInfo  its extra info ({@code ""} when none)
 * @param createTime when publishing began, unix seconds
 */
public record StreamInfo(String streamId, String userId, String userName, String extraInfo, long createTime) {
}
