package org.tidings.server.api;

import jakarta.servlet.http.HttpServletRequest;
import java.io.IOException;
import java.io.InputStream;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Component;
import org.tidings.server.i18n.Message;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.exc.UnrecognizedPropertyException;
import tools.jackson.databind.json.JsonMapper;

/**
 * The JSON a client sends, read strictly: a field the API does not know, a missing number, text after the object, a
 * body that is not JSON or larger than any request needs are each refused with a problem naming it, and nothing is
 * changed. Strict, unlike the site's own reading of JSON (Spring's default ignores unknown fields): a client's typo
 * ("txet") must not pass as an empty comment.
 */
@Component
class RequestBodies {

    /** Far above the longest comment (4,000 characters, each up to 4 bytes, escaped): nothing larger is read. */
    static final int MAX_BYTES = 64 * 1024;

    private final JsonMapper strict;

    RequestBodies(JsonMapper json) {
        this.strict = json.rebuild()
                .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
                .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
                .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
                .build();
    }

    <T> T read(HttpServletRequest request, Class<T> type) {
        MediaType contentType;
        try {
            contentType = request.getContentType() == null ? null : MediaType.parseMediaType(request.getContentType());
        } catch (IllegalArgumentException malformed) {
            contentType = null;
        }
        if (contentType == null || !MediaType.APPLICATION_JSON.isCompatibleWith(contentType)) {
            throw new ApiProblem(HttpStatus.UNSUPPORTED_MEDIA_TYPE, "unsupported-media-type", Message.of("api.problem.detail.json"));
        }
        byte[] body;
        try (InputStream in = request.getInputStream()) {
            body = in.readNBytes(MAX_BYTES + 1);
        } catch (IOException e) {
            throw new ApiProblem(HttpStatus.BAD_REQUEST, "malformed-json", null);
        }
        if (body.length > MAX_BYTES) {
            throw new ApiProblem(HttpStatus.CONTENT_TOO_LARGE, "too-large", Message.of("api.problem.detail.tooLarge", MAX_BYTES / 1024));
        }
        try {
            T value = strict.readValue(body, type);
            if (value == null) throw new ApiProblem(HttpStatus.BAD_REQUEST, "malformed-json", null);
            return value;
        } catch (UnrecognizedPropertyException unknown) {
            throw new ApiProblem(HttpStatus.BAD_REQUEST, "unknown-field", Message.of("api.problem.detail.unknownField",
                    unknown.getPropertyName()));
        } catch (JacksonException malformed) {
            throw new ApiProblem(HttpStatus.BAD_REQUEST, "malformed-json", null);
        }
    }
}
