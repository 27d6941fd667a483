package kz.talap.json;

import com.fasterxml.jackson.databind.JsonNode;
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
import kz.talap.model.Document;
import kz.talap.model.Enums.Recipient;
import kz.talap.model.Fact;
import kz.talap.model.Service;
import kz.talap.model.SubType;

/**
 * The JSON Schema (draft 2020-12) of a submission for one catalogue: service, sub-type, channel and document codes and
 * the declared facts are enumerated, so editors and other systems can validate submissions before sending them.
 */
public final class SubmissionSchema {
  private static final ObjectMapper MAPPER = JsonMapper.builder().enable(SerializationFeature.INDENT_OUTPUT).build();
  private static final String DATE = "^[0-9]{4}-[0-9]{2}-[0-9]{2}$";
  private static final String DATE_TIME =
      "^[0-9]{4}-[0-9]{2}-[0-9]{2}T[0-9]{2}:[0-9]{2}(:[0-9]{2}(\\.[0-9]+)?)?(Z|[+-][0-9]{2}:[0-9]{2})?$";

  private SubmissionSchema() {}

  /** The schema as pretty-printed JSON text ending in a newline. */
  public static String of(Catalogue catalogue) {
    try {
      return MAPPER.writeValueAsString(schema(catalogue)) + "\n";
    } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }

  static JsonNode schema(Catalogue catalogue) {
    ObjectNode root = MAPPER.createObjectNode();
    root.put("$schema", "https://json-schema.org/draft/2020-12/schema");
    root.put("$id", "urn:talap:" + SubmissionJson.FORMAT.replace('/', ':') + ":" + catalogue.version());
    root.put("title", "talap submission for catalogue " + catalogue.version());
    root.put("description", "An application as staff enter it; see docs/submission-format.md.");
    root.put("type", "object");
    root.put("additionalProperties", false);
    strings(root.putArray("required"), List.of("service", "channel", "submitted_at", "facts"));
    ObjectNode properties = root.putObject("properties");
    properties.putObject("format").put("const", SubmissionJson.FORMAT);
    properties.putObject("id").put("type", "string").put("minLength", 1)
        .put("description", "Your reference for this submission, echoed in reports");
    enumeration(properties.putObject("service"), catalogue.services().stream().map(Service::code).toList());
    enumeration(properties.putObject("subtype"), catalogue.subTypes().stream().map(SubType::code).toList());
    enumeration(properties.putObject("stage"), catalogue.stages().stream().map(kz.talap.model.Stage::code).toList())
        .put("description", "For a multi-stage service: the stage whose documents are checked");
    enumeration(properties.putObject("channel"), catalogue.channels().stream().map(Channel::code).toList());
    enumeration(properties.putObject("recipient"), List.of(Recipient.INDIVIDUAL.name(), Recipient.LEGAL_ENTITY.name()))
        .put("default", Recipient.INDIVIDUAL.name());
    properties.putObject("submitted_at").put("type", "string").put("pattern", DATE_TIME)
        .put("description", "Date and time of submission; without an offset it is Asia/Almaty time");
    facts(properties.putObject("facts"), catalogue);
    documents(properties.putObject("documents"), catalogue);
    payments(properties.putObject("payments"));
    subtypes(root.putArray("allOf"), catalogue);
    return root;
  }

  private static void facts(ObjectNode node, Catalogue catalogue) {
    node.put("type", "object");
    node.put("additionalProperties", false);
    strings(node.putArray("required"), catalogue.facts().stream().filter(Fact::required).map(Fact::name).toList());
    ObjectNode properties = node.putObject("properties");
    for (Fact fact : catalogue.facts()) {
      if (fact.derivedFrom().isPresent()) {
        continue;
      }
      ObjectNode property = properties.putObject(fact.name());
      switch (fact.type()) {
        case BOOL -> property.put("type", "boolean");
        case INT -> property.put("type", "integer");
        case TEXT -> {
          property.put("type", "string");
          if (!fact.allowedValues().isEmpty()) {
            strings(property.putArray("enum"), fact.allowedValues());
          }
        }
        case COUNTRY -> country(property);
        case DATE -> date(property);
      }
      property.put("description", fact.label().en());
    }
  }

  private static void documents(ObjectNode node, Catalogue catalogue) {
    node.put("type", "array");
    ObjectNode item = node.putObject("items");
    item.put("type", "object");
    item.put("additionalProperties", false);
    strings(item.putArray("required"), List.of("code"));
    ObjectNode properties = item.putObject("properties");
    enumeration(properties.putObject("code"), catalogue.documents().stream().map(Document::code).toList());
    date(properties.putObject("issued_on"));
    date(properties.putObject("valid_until"));
    properties.putObject("language").put("type", "string").put("pattern", "^[a-z]{2,3}$")
        .put("description", "ISO 639-1 code of the document's language; leave out for Kazakh or Russian");
    properties.putObject("notarised_translation").put("type", "boolean");
    country(properties.putObject("issued_in"));
    properties.putObject("legalised").put("type", "boolean")
        .put("description", "Legalised by a consul");
    properties.putObject("apostille").put("type", "boolean")
        .put("description", "Carries an apostille (Hague Convention of 5 October 1961)");
    strings(properties.putObject("issuer").put("type", "string")
        .put("description", "Who drew up the document: a state body, court or notary (authority) or a company, "
            + "insurer or person (private)").putArray("enum"), List.of("authority", "private"));
    properties.putObject("original_shown").put("type", "boolean");
  }

  private static void payments(ObjectNode node) {
    node.put("type", "array");
    ObjectNode item = node.putObject("items");
    item.put("type", "object");
    item.put("additionalProperties", false);
    strings(item.putArray("required"), List.of("amount_kzt", "paid_on"));
    ObjectNode properties = item.putObject("properties");
    properties.putObject("amount_kzt").put("type", "number").put("exclusiveMinimum", 0);
    date(properties.putObject("paid_on"));
  }

  /** Per service: the sub-types it has, and that it needs one when it has any. */
  private static void subtypes(ArrayNode allOf, Catalogue catalogue) {
    for (String service : new TreeSet<>(catalogue.services().stream().map(Service::code).toList())) {
      List<String> codes = catalogue.subTypes().stream().filter(s -> s.service().equals(service))
          .map(SubType::code).toList();
      ObjectNode rule = allOf.addObject();
      rule.putObject("if").putObject("properties").putObject("service").put("const", service);
      ObjectNode then = rule.putObject("then");
      if (codes.isEmpty()) {
        then.putObject("not").putArray("required").add("subtype");
      } else {
        strings(then.putArray("required"), List.of("subtype"));
        enumeration(then.putObject("properties").putObject("subtype"), codes);
      }
    }
  }

  private static ObjectNode enumeration(ObjectNode node, Collection<String> values) {
    node.put("type", "string");
    strings(node.putArray("enum"), new TreeSet<>(values));
    return node;
  }

  private static void country(ObjectNode node) {
    enumeration(node, SubmissionJson.COUNTRIES);
    node.put("description", "ISO 3166 alpha-2 country code; " + SubmissionJson.STATELESS + " for a stateless person");
  }

  private static void date(ObjectNode node) {
    node.put("type", "string").put("format", "date").put("pattern", DATE);
  }

  private static void strings(ArrayNode array, Collection<String> values) {
    values.forEach(array::add);
  }
}
