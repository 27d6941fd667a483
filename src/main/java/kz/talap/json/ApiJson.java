package kz.talap.json;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;

/**
 * Writes the answers of the HTTP API: a tree of maps (in insertion order), lists, strings, numbers, booleans and
 * nulls as pretty-printed JSON text ending in a newline.
 */
public final class ApiJson {
  private static final ObjectMapper MAPPER = JsonMapper.builder().enable(SerializationFeature.INDENT_OUTPUT).build();

  private ApiJson() {}

  /** The tree as JSON text. */
  public static String write(Object tree) {
    try {
      return MAPPER.writeValueAsString(tree) + "\n";
    } catch (JsonProcessingException e) {
      throw new IllegalArgumentException("not a JSON tree: " + e.getOriginalMessage(), e);
    }
  }
}
