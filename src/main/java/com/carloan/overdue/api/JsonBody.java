package com.carloan.overdue.api;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.PushbackInputStream;
import java.util.List;
import org.springframework.http.InvalidMediaTypeException;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Component;
import org.springframework.web.HttpMediaTypeNotSupportedException;

/**
 * Reads a JSON request body inside the controller method, that is after {@code @Secured} let the
 * caller in: a caller of the wrong group gets 403 whatever the body holds. Decimals stay exact,
 * and anything after the JSON value is an error. Malformed JSON surfaces as Jackson's exception,
 * which the API answers with 400.
 */
@Component
public class JsonBody {

  private final ObjectReader reader;

  JsonBody(ObjectMapper json) {
    this.reader = json.reader()
        .with(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
        .with(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);
  }

  /** The body's JSON value; an empty body reads as a missing node, which {@link JsonFields#of} refuses. */
  public JsonNode read(InputStream body) throws IOException {
    return reader.readTree(body);
  }

  /**
   * The body's JSON value, or {@code null} when the body is empty; a body that is there must be JSON.
   *
   * @throws HttpMediaTypeNotSupportedException (415) for a non-empty body of another content type
   */
  public JsonNode readOptional(InputStream body, String contentType) throws IOException, HttpMediaTypeNotSupportedException {
    PushbackInputStream in = new PushbackInputStream(body, 1);
    int first = in.read();
    if (first < 0) {
      return null;
    }
    in.unread(first);
    if (!isJson(contentType)) {
      throw new HttpMediaTypeNotSupportedException(contentType == null ? null : safeType(contentType),
          List.of(MediaType.APPLICATION_JSON));
    }
    JsonNode node = reader.readTree(in);
    return node == null || node.isMissingNode() ? null : node;
  }

  private static boolean isJson(String contentType) {
    try {
      return contentType != null && MediaType.APPLICATION_JSON.isCompatibleWith(MediaType.parseMediaType(contentType));
    } catch (InvalidMediaTypeException e) {
      return false;
    }
  }

  private static MediaType safeType(String contentType) {
    try {
      return MediaType.parseMediaType(contentType);
    } catch (InvalidMediaTypeException e) {
      return MediaType.APPLICATION_OCTET_STREAM;
    }
  }
}
