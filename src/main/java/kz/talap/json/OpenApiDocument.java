package kz.talap.json;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Collection;
import java.util.List;
import java.util.TreeSet;
import kz.talap.model.Catalogue;
import kz.talap.model.Channel;
import kz.talap.model.Enums.TermKind;
import kz.talap.model.Service;
import kz.talap.model.SubType;

/**
 * The OpenAPI 3.1 document of {@code talap serve}'s API for one catalogue: the submission schema (as {@code talap
 * schema} prints it) and the service, sub-type, channel and term codes are enumerated.
 */
public final class OpenApiDocument {
  private static final ObjectMapper MAPPER = JsonMapper.builder().enable(SerializationFeature.INDENT_OUTPUT).build();
  private static final String PROBLEM = "application/problem+json";

  private OpenApiDocument() {}

  /** The document as JSON text; {@code release} is the content hash of the workbooks it was generated from. */
  public static String of(Catalogue catalogue, String release) {
    ObjectNode root = MAPPER.createObjectNode();
    root.put("openapi", "3.1.0");
    ObjectNode info = root.putObject("info");
    info.put("title", "talap API");
    info.put("version", catalogue.version());
    info.put("description", "Checks residence-permit submissions against catalogue " + catalogue.version()
        + " (release " + release + "). Formats: docs/submission-format.md; errors are RFC 9457 problems.");
    root.putArray("servers").addObject().put("url", "/");
    ObjectNode paths = root.putObject("paths");
    List<String> services = catalogue.services().stream().map(Service::code).toList();
    List<String> subtypes = catalogue.subTypes().stream().map(SubType::code).toList();

    ObjectNode status = get(paths, "/api/v1/status", "status", "The release served and the last compilation");
    ok(status, "#/components/schemas/Status");

    ObjectNode check = operation(paths.putObject("/api/v1/check"), "post", "check",
        "Checks one submission: verdict, findings and due date (format talap-check/1)");
    language(check);
    body(check, "application/json", "#/components/schemas/Submission");
    ok(check, "#/components/schemas/CheckReport");
    problems(check, 400, 408, 413, 415, 422);

    ObjectNode batch = operation(paths.putObject("/api/v1/check/batch"), "post", "checkBatch",
        "Checks submissions given as JSON Lines, one per line; answers one result per line, streamed");
    language(batch);
    ObjectNode lines = batch.putObject("requestBody").put("required", true).putObject("content")
        .putObject("application/x-ndjson");
    lines.putObject("schema").put("type", "string")
        .put("description", "One submission (components/schemas/Submission) per line");
    ObjectNode batchOk = batch.putObject("responses").putObject("200");
    batchOk.put("description", "One line per submission: a result or its input errors");
    batchOk.putObject("content").putObject("application/x-ndjson").putObject("schema").put("type", "string");
    problems(batch, 400, 408, 413, 415);

    ObjectNode list = get(paths, "/api/v1/services", "services", "The services and sub-types in force");
    asOf(list);
    ok(list, "#/components/schemas/Object");
    problems(list, 400);

    ObjectNode one = get(paths, "/api/v1/services/{code}", "service",
        "The checklist data of a service or sub-type: documents, fees, terms");
    ObjectNode code = parameter(one, "code", "path", "A service or sub-type code");
    code.put("required", true);
    enumeration(code.putObject("schema"), concat(services, subtypes));
    asOf(one);
    ok(one, "#/components/schemas/Object");
    problems(one, 400, 404);

    ObjectNode schema = get(paths, "/api/v1/schema", "schema", "The JSON Schema of a submission (talap schema)");
    schema.putObject("responses").putObject("200").put("description", "JSON Schema draft 2020-12")
        .putObject("content").putObject("application/schema+json").putObject("schema").put("type", "object");

    ObjectNode due = get(paths, "/api/v1/due", "due", "The due date of a term, counted on the working calendar");
    enumeration(parameter(due, "service", "query", "Service code").put("required", true).putObject("schema"),
        services);
    enumeration(parameter(due, "subtype", "query", "Sub-type code").putObject("schema"), subtypes);
    parameter(due, "at", "query", "Submission time, Asia/Almaty: YYYY-MM-DDTHH:MM").put("required", true)
        .putObject("schema").put("type", "string");
    enumeration(parameter(due, "channel", "query", "Channel (default PROVIDER)").putObject("schema"),
        catalogue.channels().stream().map(Channel::code).toList());
    enumeration(parameter(due, "term", "query", "Term kind (default SERVICE)").putObject("schema"),
        java.util.Arrays.stream(TermKind.values()).map(Enum::name).toList());
    ok(due, "#/components/schemas/Object");
    problems(due, 400, 404);

    ObjectNode openApi = get(paths, "/api/openapi.json", "openApi", "This document");
    ok(openApi, "#/components/schemas/Object");

    ObjectNode schemas = root.putObject("components").putObject("schemas");
    ObjectNode submission = (ObjectNode) SubmissionSchema.schema(catalogue).deepCopy();
    submission.remove("$schema");
    submission.remove("$id");
    schemas.set("Submission", submission);
    schemas.putObject("Object").put("type", "object");
    checkReport(schemas.putObject("CheckReport"));
    status(schemas.putObject("Status"));
    problem(schemas.putObject("Problem"));
    try {
      return MAPPER.writeValueAsString(root) + "\n";
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }

  private static List<String> concat(List<String> a, List<String> b) {
    return java.util.stream.Stream.concat(a.stream(), b.stream()).toList();
  }

  private static ObjectNode get(ObjectNode paths, String path, String id, String summary) {
    return operation(paths.putObject(path), "get", id, summary);
  }

  private static ObjectNode operation(ObjectNode item, String method, String id, String summary) {
    ObjectNode operation = item.putObject(method);
    operation.put("operationId", id);
    operation.put("summary", summary);
    return operation;
  }

  private static ObjectNode parameter(ObjectNode operation, String name, String in, String description) {
    ArrayNode parameters = operation.has("parameters") ? (ArrayNode) operation.get("parameters")
        : operation.putArray("parameters");
    ObjectNode parameter = parameters.addObject();
    parameter.put("name", name);
    parameter.put("in", in);
    parameter.put("description", description);
    return parameter;
  }

  private static void language(ObjectNode operation) {
    enumeration(parameter(operation, "lang", "query", "Also give each finding's message as 'text' in this language")
        .putObject("schema"), List.of("kk", "ru", "en"));
  }

  private static void asOf(ObjectNode operation) {
    parameter(operation, "as_of", "query", "The day whose rows are in force (default: today, Asia/Almaty)")
        .putObject("schema").put("type", "string").put("format", "date");
  }

  private static void body(ObjectNode operation, String media, String ref) {
    operation.putObject("requestBody").put("required", true).putObject("content").putObject(media)
        .putObject("schema").put("$ref", ref);
  }

  private static void ok(ObjectNode operation, String ref) {
    ObjectNode responses = operation.has("responses") ? (ObjectNode) operation.get("responses")
        : operation.putObject("responses");
    responses.putObject("200").put("description", "OK").putObject("content").putObject("application/json")
        .putObject("schema").put("$ref", ref);
  }

  private static void problems(ObjectNode operation, int... statuses) {
    ObjectNode responses = (ObjectNode) operation.get("responses");
    for (int status : statuses) {
      responses.putObject(String.valueOf(status)).put("description", switch (status) {
        case 400 -> "Malformed JSON (with line and column) or a bad parameter";
        case 404 -> "Unknown code";
        case 408 -> "The body took longer than the time limit to arrive";
        case 413 -> "The body or the batch is larger than the limit";
        case 415 -> "Wrong media type";
        case 422 -> "The submission does not fit the catalogue (each problem with its JSON path)";
        default -> "Error";
      }).putObject("content").putObject(PROBLEM).putObject("schema").put("$ref", "#/components/schemas/Problem");
    }
  }

  private static void checkReport(ObjectNode node) {
    node.put("type", "object");
    strings(node.putArray("required"), List.of("format", "catalogue_version", "results", "summary"));
    ObjectNode properties = node.putObject("properties");
    properties.putObject("format").put("const", CheckJson.FORMAT);
    properties.putObject("catalogue_version").put("type", "string");
    properties.putObject("results").put("type", "array").putObject("items").put("type", "object");
    properties.putObject("summary").put("type", "object");
  }

  private static void status(ObjectNode node) {
    node.put("type", "object");
    ObjectNode properties = node.putObject("properties");
    enumeration(properties.putObject("status"), List.of("ok", "stale"));
    properties.putObject("catalogue_version").put("type", "string");
    properties.putObject("release").put("type", "string");
    properties.putObject("release_id").put("type", "string").put("description",
        "the approved release served (talap release), or preview-<hash> for the working copy");
    properties.putObject("preview").put("type", "boolean").put("description",
        "true when the working copy is served as a preview (talap serve --preview), not an approved release");
    properties.putObject("last_attempt").put("type", "object");
  }

  private static void problem(ObjectNode node) {
    node.put("type", "object");
    strings(node.putArray("required"), List.of("type", "title", "status", "detail"));
    ObjectNode properties = node.putObject("properties");
    properties.putObject("type").put("type", "string").put("format", "uri-reference");
    properties.putObject("title").put("type", "string");
    properties.putObject("status").put("type", "integer");
    properties.putObject("detail").put("type", "string");
    properties.putObject("code").put("type", "string")
        .put("description", "The detail's message key, the same in every language, e.g. server.bad-as-of");
    properties.putObject("instance").put("type", "string");
    properties.putObject("catalogue_version").put("type", "string");
    properties.putObject("release").put("type", "string");
    ObjectNode error = properties.putObject("errors").put("type", "array").putObject("items");
    error.put("type", "object");
    ObjectNode fields = error.putObject("properties");
    fields.putObject("pointer").put("type", "string").put("description", "JSON path, e.g. $.documents[0].code");
    fields.putObject("line").put("type", "integer");
    fields.putObject("column").put("type", "integer");
    fields.putObject("detail").put("type", "string");
    fields.putObject("message").put("type", "string").put("description", "As the CLI prints it");
    fields.putObject("code").put("type", "string")
        .put("description", "The message key, the same in every language, e.g. submission.unknown-document-near");
  }

  private static void enumeration(ObjectNode node, Collection<String> values) {
    node.put("type", "string");
    strings(node.putArray("enum"), new TreeSet<>(values));
  }

  private static void strings(ArrayNode array, Collection<String> values) {
    values.forEach(array::add);
  }
}
