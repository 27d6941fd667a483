package kz.talap.json;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.function.Consumer;
import java.util.stream.Stream;
import kz.talap.check.Submission;
import kz.talap.compile.CatalogueCompiler;
import kz.talap.model.Catalogue;
import kz.talap.workbook.WorkbookReader;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The streaming reader vouches only for what the tree reader accepts: for every example submission and thousands of
 * damaged variants of them, it either gives up or reads exactly the submission the tree reader reads, and it gives
 * up whenever the tree reader finds a problem.
 */
class SubmissionStreamTest {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static Catalogue catalogue;
  private static SubmissionJson.Reader reader;
  private static SubmissionStream shared;
  private static List<String> examples;

  @BeforeAll
  static void compile() throws IOException {
    catalogue = CatalogueCompiler.compile(WorkbookReader.read(List.of(Path.of("catalogue"))),
        LocalDate.of(2026, 11, 21), true).catalogue().orElseThrow();
    reader = SubmissionJson.reader(catalogue);
    shared = new SubmissionStream(reader);
    try (Stream<Path> files = Files.list(Path.of("catalogue/examples"))) {
      examples = new ArrayList<>();
      for (Path file : files.filter(f -> f.toString().endsWith(".json")).sorted().toList()) {
        examples.add(Files.readString(file));
      }
    }
  }

  /** Reads a text both ways; returns whether the stream read it. */
  private static boolean same(String text) {
    SubmissionJson.Parsed tree = reader.tree(text);
    Submission stream = new SubmissionStream(reader).read(text);
    // One stream for every text, as a batch reads them: the order of fields it learnt from the texts before (the
    // variants reorder, drop and repeat fields) changes nothing.
    assertEquals(stream, shared.read(text), text);
    // The same text given as UTF-8 bytes (as JSON Lines are read) gives the same submission or the same problems.
    byte[] bytes = ("  " + text).getBytes(java.nio.charset.StandardCharsets.UTF_8);
    assertEquals(reader.read(text), reader.read(bytes, 2, bytes.length - 2), text);
    if (!tree.problems().isEmpty()) {
      assertNull(stream, () -> "the stream read a submission with problems " + tree.problems() + ": " + text);
      return false;
    }
    if (stream != null) {
      assertEquals(tree.submission().orElseThrow(), stream, text);
    }
    return stream != null;
  }

  @Test
  void everyExampleIsReadTheSameBothWays() {
    assertEquals(34, examples.size());
    for (String example : examples) {
      assertTrue(same(example), example);
    }
  }

  @Test
  void theStreamGivesUpOnWhatItCannotVouchFor() {
    String example = examples.get(0);
    assertTrue(example.contains("\"service\": \"IT_PILOT\""), example);
    String body = example.strip().substring(1);
    // A duplicate field, trailing content, a second value, a JSON null, an unknown field: the tree reader reports.
    // A field given twice, at every level: the streaming parser does not look for them, the stream itself does.
    List<String> twice = List.of("{\"service\":\"TRP\"," + body,
        example.replace("\"citizenship\": \"IN\",", "\"citizenship\": \"IN\", \"citizenship\": \"IN\","),
        example.replace("\"code\": \"IT_APPLICATION_FORM\"",
            "\"code\": \"IT_APPLICATION_FORM\", \"code\": \"IT_APPLICATION_FORM\""),
        example.replace("\"legalised\": true", "\"legalised\": true, \"legalised\": true"),
        examples.stream().filter(e -> e.contains("\"paid_on\": ")).findFirst().orElseThrow()
            .replace("\"paid_on\": ", "\"paid_on\": \"2026-01-01\", \"paid_on\": "));
    for (String text : twice) {
      assertTrue(!reader.tree(text).problems().isEmpty(), text);
      assertNull(new SubmissionStream(reader).read(text), text);
    }
    for (String text : List.of(example + " x", example + "{}", "[]", "", "{\"servise\":1," + body,
        "{\"id\":null," + body)) {
      assertNull(new SubmissionStream(reader).read(text), text);
    }
    // What the tree reader accepts but the stream leaves to it: seconds, an amount with a fraction.
    ObjectNode root = tree(example);
    root.put("submitted_at", root.get("submitted_at").asText() + ":00");
    assertTrue(SubmissionJson.reader(catalogue).tree(root.toString()).problems().isEmpty());
    assertNull(new SubmissionStream(SubmissionJson.reader(catalogue)).read(root.toString()));
  }

  @Test
  void damagedExamplesAreReadTheSameBothWaysOrLeftToTheTree() {
    int read = 0;
    int left = 0;
    for (String example : examples) {
      for (Consumer<ObjectNode> damage : damages(tree(example))) {
        ObjectNode root = tree(example);
        damage.accept(root);
        if (same(root.toString())) {
          read++;
        } else {
          left++;
        }
      }
    }
    // Both ways are exercised: some variants are still well-formed submissions, most are not.
    assertTrue(read >= 2000, "read by the stream: " + read);
    assertTrue(left >= 30000, "left to the tree: " + left);
  }

  private static ObjectNode tree(String text) {
    try {
      return (ObjectNode) JSON.readTree(text);
    } catch (IOException e) {
      throw new AssertionError(e);
    }
  }

  /** Values that are wrong (or right) somewhere: every field of the example gets each of them in turn. */
  private static final List<JsonNode> VALUES = List.of(JSON.nullNode(), JSON.getNodeFactory().numberNode(1),
      JSON.getNodeFactory().numberNode(1.5), JSON.getNodeFactory().numberNode(new java.math.BigDecimal("100.00")),
      JSON.getNodeFactory().numberNode(-3), JSON.getNodeFactory().numberNode(2_000_000_000_000L),
      JSON.getNodeFactory().booleanNode(true), JSON.getNodeFactory().booleanNode(false), JSON.createArrayNode(),
      JSON.createObjectNode(), JSON.getNodeFactory().textNode(""), JSON.getNodeFactory().textNode(" "),
      JSON.getNodeFactory().textNode("x"), JSON.getNodeFactory().textNode("KZ"), JSON.getNodeFactory().textNode("kz"),
      JSON.getNodeFactory().textNode("EN"), JSON.getNodeFactory().textNode(" en "),
      JSON.getNodeFactory().textNode("e1"), JSON.getNodeFactory().textNode("authority"),
      JSON.getNodeFactory().textNode("AUTHORITY"), JSON.getNodeFactory().textNode("2026-03-20"),
      JSON.getNodeFactory().textNode("1899-12-31"), JSON.getNodeFactory().textNode("2026-02-30"),
      JSON.getNodeFactory().textNode("2030-01-01"), JSON.getNodeFactory().textNode("2026-03-20T10:00"),
      JSON.getNodeFactory().textNode("2026-03-20T10:00:00"), JSON.getNodeFactory().textNode("2026-03-20T10:00+05:00"),
      JSON.getNodeFactory().textNode("2026-03-20T24:00"), JSON.getNodeFactory().textNode("1899-12-31T10:00"),
      JSON.getNodeFactory().textNode("TRP"), JSON.getNodeFactory().textNode(" TRP "),
      JSON.getNodeFactory().textNode("PRP"), JSON.getNodeFactory().textNode("LEGAL_ENTITY"),
      JSON.getNodeFactory().textNode(" INDIVIDUAL"), JSON.getNodeFactory().textNode("PORTAL"),
      JSON.getNodeFactory().textNode("talap-submission/2"));

  /** Every field of the submission, its facts, documents and payments: removed, or given each of {@link #VALUES}. */
  private static List<Consumer<ObjectNode>> damages(ObjectNode example) {
    List<Consumer<ObjectNode>> damages = new ArrayList<>();
    List<String> paths = new ArrayList<>();
    paths(example, "", paths);
    for (String path : paths) {
      damages.add(root -> remove(root, path));
      for (JsonNode value : VALUES) {
        damages.add(root -> set(root, path, value));
      }
    }
    damages.add(root -> root.put("unknown", 1));
    damages.add(root -> ((ObjectNode) root.with("facts")).put("age", 30));
    damages.add(root -> ((ObjectNode) root.with("facts")).put("no_such_fact", true));
    damages.add(root -> root.withArray("documents").addObject().put("code", "NO_SUCH_DOCUMENT"));
    damages.add(root -> root.withArray("documents").addObject().put("code", "PRP_PHOTO"));
    damages.add(root -> root.withArray("payments").addObject().put("amount_kzt", 100).put("paid_on", "2026-03-19"));
    return damages;
  }

  private static void paths(JsonNode node, String prefix, List<String> paths) {
    if (node.isObject()) {
      for (Iterator<String> names = node.fieldNames(); names.hasNext(); ) {
        String name = names.next();
        paths.add(prefix + "/" + name);
        paths(node.get(name), prefix + "/" + name, paths);
      }
    } else if (node.isArray()) {
      for (int i = 0; i < node.size(); i++) {
        paths.add(prefix + "/" + i);
        paths(node.get(i), prefix + "/" + i, paths);
      }
    }
  }

  private static void remove(ObjectNode root, String path) {
    JsonNode parent = root.at(path.substring(0, path.lastIndexOf('/')));
    String last = path.substring(path.lastIndexOf('/') + 1);
    if (parent instanceof ObjectNode object) {
      object.remove(last);
    } else if (parent instanceof ArrayNode array) {
      array.remove(Integer.parseInt(last));
    }
  }

  private static void set(ObjectNode root, String path, JsonNode value) {
    JsonNode parent = root.at(path.substring(0, path.lastIndexOf('/')));
    String last = path.substring(path.lastIndexOf('/') + 1);
    if (parent instanceof ObjectNode object) {
      object.set(last, value.deepCopy());
    } else if (parent instanceof ArrayNode array) {
      array.set(Integer.parseInt(last), value.deepCopy());
    }
  }

  @Test
  void aByteOrderMarkIsNotPartOfTheJson() {
    SubmissionJson.Parsed parsed = SubmissionJson.reader(catalogue).read("\uFEFF" + examples.get(0));
    assertNotNull(parsed.submission().orElse(null));
    byte[] bytes = ("\uFEFF" + examples.get(0)).getBytes(java.nio.charset.StandardCharsets.UTF_8);
    assertEquals(parsed, SubmissionJson.reader(catalogue).read(bytes, 0, bytes.length));
  }

  @Test
  void aNulAtTheStart_isNotTakenForUtf16() {
    String text = "\u0000" + examples.get(0);
    byte[] bytes = text.getBytes(java.nio.charset.StandardCharsets.UTF_8);
    SubmissionJson.Parsed parsed = SubmissionJson.reader(catalogue).read(bytes, 0, bytes.length);
    assertEquals(SubmissionJson.reader(catalogue).read(text), parsed);
    assertEquals("malformed JSON: Illegal character ((CTRL-CHAR, code 0)): only regular white space (\\r, \\n, "
        + "\\t) is allowed between tokens", parsed.problems().get(0).toString("en"));
  }
}
