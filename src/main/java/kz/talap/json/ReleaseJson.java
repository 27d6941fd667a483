package kz.talap.json;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import kz.talap.release.Approval;
import kz.talap.release.Manifest;
import kz.talap.release.ReleaseShelf;

/** {@code manifest.json} ({@value Manifest#FORMAT}) and {@code approval.json} ({@value Approval#FORMAT}). */
public final class ReleaseJson implements ReleaseShelf.Codec {
  /** The one codec; it keeps no state. */
  public static final ReleaseJson CODEC = new ReleaseJson();
  private static final ObjectMapper MAPPER = JsonMapper.builder().build();

  private ReleaseJson() {}

  @Override
  public String manifest(Manifest manifest) {
    Map<String, Object> root = new LinkedHashMap<>();
    root.put("format", Manifest.FORMAT);
    root.put("id", manifest.id());
    root.put("catalogue_version", manifest.catalogueVersion());
    root.put("as_of", manifest.asOf().toString());
    root.put("built_by", manifest.builtBy());
    root.put("built_at", manifest.builtAt().toString());
    root.put("previous", manifest.previous().orElse(null));
    root.put("files", new TreeMap<>(manifest.files()));
    return ApiJson.write(root);
  }

  @Override
  public Manifest manifest(String text) {
    JsonNode root = parse(text, Manifest.FORMAT);
    JsonNode files = root.get("files");
    if (files == null || !files.isObject()) {
      throw new IllegalArgumentException("no \"files\" object");
    }
    Map<String, String> hashes = new TreeMap<>();
    files.fields().forEachRemaining(f -> hashes.put(f.getKey(), f.getValue().asText()));
    JsonNode previous = root.get("previous");
    try {
      return new Manifest(text(root, "id"), text(root, "catalogue_version"), LocalDate.parse(text(root, "as_of")),
          text(root, "built_by"), Instant.parse(text(root, "built_at")),
          previous == null || previous.isNull() ? Optional.empty() : Optional.of(previous.asText()), hashes);
    } catch (DateTimeParseException e) {
      throw new IllegalArgumentException("bad date or time '" + e.getParsedString() + "'");
    }
  }

  @Override
  public String approval(Approval approval) {
    Map<String, Object> root = new LinkedHashMap<>();
    root.put("format", Approval.FORMAT);
    root.put("id", approval.id());
    root.put("manifest_sha256", approval.manifestSha256());
    root.put("approved_by", approval.approvedBy());
    root.put("approved_at", approval.approvedAt().toString());
    return ApiJson.write(root);
  }

  @Override
  public Approval approval(String text) {
    JsonNode root = parse(text, Approval.FORMAT);
    try {
      return new Approval(text(root, "id"), text(root, "manifest_sha256"), text(root, "approved_by"),
          Instant.parse(text(root, "approved_at")));
    } catch (DateTimeParseException e) {
      throw new IllegalArgumentException("bad time '" + e.getParsedString() + "'");
    }
  }

  private static JsonNode parse(String text, String format) {
    JsonNode root;
    try {
      root = MAPPER.readTree(text);
    } catch (JsonProcessingException e) {
      throw new IllegalArgumentException("not JSON: " + e.getOriginalMessage());
    }
    if (root == null || !root.isObject() || !format.equals(root.path("format").asText())) {
      throw new IllegalArgumentException("not a " + format + " document");
    }
    return root;
  }

  private static String text(JsonNode root, String field) {
    JsonNode node = root.get(field);
    if (node == null || !node.isTextual()) {
      throw new IllegalArgumentException("no \"" + field + "\" text");
    }
    return node.asText();
  }
}
