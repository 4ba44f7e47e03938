package io.parley.server.api;

/**
 * What the REST API answers: the HTTP status and the JSON body
 * ({@code {"Code", "Message", "RequestId", "Data"}}).
 *
 * @param httpStatus 200 on success, 4xx for a refused request, 500 when the room service failed
 * @param json       the body, UTF-8 JSON
 */
public record RestResponse(int httpStatus, String json) {
}
