package kz.talap.cli;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import kz.talap.schema.Column;
import kz.talap.schema.Schema;
import kz.talap.schema.Table;
import kz.talap.workbook.RawRow;
import kz.talap.workbook.RawTable;
import kz.talap.workbook.ReadResult;
import kz.talap.workbook.WorkbookReader;

/**
 * A catalogue folder is the unit: a workbook named alone is compiled with the workbooks of its folder that declare
 * the names it uses (facts, norms, channels, labels, …), found by reading what each workbook declares and uses. When
 * a kind of name it uses is declared by no workbook within reach, the resolution says which workbook would declare
 * it and how to include it, instead of one "undeclared" error per cell.
 */
final class Companions {
  /** Names used in conditions: facts and country groups (lower case) share them. */
  private static final String NAMES = "names";
  /** A name that stands for "any row of the table" (the calendar, the labels). */
  private static final String ANY = "*";
  private static final Pattern IDENTIFIER = Pattern.compile("(?<![.\\w])([a-z_][a-z0-9_]*)\\b(?!\\s*\\()");
  private static final Pattern STRING = Pattern.compile("'(?:[^'\\\\]|\\\\.)*'|\"(?:[^\"\\\\]|\\\\.)*\"");
  /** Tables a companion is taken for, but whose absence alone is left to the compiler. */
  private static final Set<String> SOFT = Set.of(Schema.CATALOGUE, Schema.LABELS, Schema.PARAMETERS,
      Schema.CALENDAR);
  private static final Set<String> CEL_WORDS = Set.of("true", "false", "null", "in", "int", "uint", "double",
      "bool", "string", "bytes", "list", "map", "type", "dyn");

  /**
   * The workbooks to compile, and what to tell the editor: a one-line note naming the companions taken, or a
   * one-line problem when names are declared nowhere within reach (the command then exits 1).
   */
  record Resolution(List<Path> inputs, Optional<String> note, Optional<String> problem) {}

  private static Resolution last;
  private static List<Object> lastKey;

  private Companions() {}

  /** The workbooks the inputs stand for with their companions; the last answer is kept, as commands ask twice. */
  static synchronized Resolution resolve(List<Path> inputs) {
    List<Object> key = key(inputs);
    if (key.equals(lastKey)) {
      return last;
    }
    last = compute(inputs, List.of());
    lastKey = key;
    return last;
  }

  /** The inputs and the modification times of their folders' workbooks: a saved edit asks again. */
  private static List<Object> key(List<Path> inputs) {
    List<Object> key = new ArrayList<>(inputs);
    for (Path input : inputs) {
      Path folder = folderOf(input);
      for (Path file : WorkbookReader.files(List.of(folder))) {
        try {
          key.add(file + "@" + Files.getLastModifiedTime(file).toMillis() + "/" + Files.size(file));
        } catch (java.io.IOException e) {
          key.add(file + "@?");
        }
      }
    }
    return key;
  }

  /**
   * Resolves the inputs; {@code extra} are workbooks from elsewhere that may be taken as companions when the
   * inputs' own folders lack them (diff: the other side's folder).
   */
  static Resolution compute(List<Path> inputs, List<Path> extra) {
    List<Path> named = inputs.stream().filter(p -> Files.isRegularFile(p) && p.toString().endsWith(".xlsx"))
        .toList();
    if (named.isEmpty()) {
      return new Resolution(inputs, Optional.empty(), Optional.empty());
    }
    ReadResult read = WorkbookReader.read(inputs);
    if (read.diagnostics().stream().anyMatch(d -> d.severity() == kz.talap.source.Diagnostic.Severity.FATAL)) {
      return new Resolution(inputs, Optional.empty(), Optional.empty());
    }
    Set<Path> taken = new HashSet<>();
    for (Path file : WorkbookReader.files(inputs)) {
      taken.add(normal(file));
    }
    Map<Path, Declared> candidates = new LinkedHashMap<>();
    for (Path file : named) {
      for (Path sibling : WorkbookReader.files(List.of(folderOf(file)))) {
        if (!taken.contains(normal(sibling)) && !candidates.containsKey(sibling)) {
          candidates.put(sibling, null);
        }
      }
    }
    for (Path file : extra) {
      if (!taken.contains(normal(file)) && candidates.keySet().stream().noneMatch(c -> sameName(c, file))) {
        candidates.put(file, null);
      }
    }
    Declared declared = Declared.of(read);
    Map<Name, String> used = uses(read);
    List<Path> companions = new ArrayList<>();
    Set<String> reasons = new TreeSet<>((a, b) -> Integer.compare(order(a), order(b)));
    boolean grew = true;
    while (grew) {
      grew = false;
      for (Map.Entry<Path, Declared> candidate : candidates.entrySet()) {
        if (companions.contains(candidate.getKey())) {
          continue;
        }
        if (candidate.getValue() == null) {
          ReadResult own = WorkbookReader.read(List.of(candidate.getKey()));
          if (own.diagnostics().stream().anyMatch(d -> d.severity() == kz.talap.source.Diagnostic.Severity.FATAL)) {
            continue;
          }
          candidate.setValue(Declared.of(own));
          candidate.getValue().uses.putAll(uses(own));
        }
        Set<String> tables = new LinkedHashSet<>();
        used.forEach((name, table) -> {
          if (!declared.names.containsKey(name) && candidate.getValue().names.containsKey(name)) {
            tables.add(candidate.getValue().names.get(name));
          }
        });
        if (!tables.isEmpty()) {
          companions.add(candidate.getKey());
          reasons.addAll(tables);
          declared.names.putAll(candidate.getValue().names);
          candidate.getValue().uses.forEach(used::putIfAbsent);
          grew = true;
        }
      }
    }
    List<Path> result = new ArrayList<>(inputs);
    result.addAll(companions);
    String namedText = and(named.stream().map(Path::toString).toList());
    String usersText = and(named.stream().map(p -> p.getFileName().toString()).toList());
    Set<String> missing = new TreeSet<>((a, b) -> Integer.compare(order(a), order(b)));
    used.forEach((name, table) -> {
      // A kind of name with no row anywhere within reach; the catalogue version, labels, MCI and calendar are
      // taken from a companion when there is one, but the compiler decides whether their absence is an error.
      if (!declared.tables.contains(table) && !declared.names.containsKey(name) && !SOFT.contains(table)) {
        missing.add(table);
      }
    });
    if (!missing.isEmpty()) {
      return new Resolution(result, Optional.empty(), Optional.of(problem(named, namedText, usersText, missing,
          companions)));
    }
    if (companions.isEmpty()) {
      return new Resolution(result, Optional.empty(), Optional.empty());
    }
    String with = and(companions.stream().map(Path::toString).toList());
    return new Resolution(result, Optional.of("Compiling " + namedText + " with " + with + " ("
        + (companions.size() == 1 ? "it declares" : "they declare") + " the " + and(words(reasons)) + " "
        + usersText + " " + (named.size() == 1 ? "uses" : "use") + ")"), Optional.empty());
  }

  private static String problem(List<Path> named, String namedText, String usersText, Set<String> missing,
      List<Path> companions) {
    String folders = and(named.stream().map(p -> folderText(p)).distinct().toList());
    String kinds = and(words(missing));
    StringBuilder text = new StringBuilder(namedText + " " + (named.size() == 1 ? "uses" : "use") + " " + kinds
        + " that no workbook in " + folders + " declares");
    Optional<Path> elsewhere = declaringWorkbook(named, missing);
    String command = named.stream().map(Path::toString).reduce((a, b) -> a + " " + b).orElse("");
    if (elsewhere.isPresent()) {
      text.append("; ").append(elsewhere.get()).append(" declares them: include it with --catalogue ")
          .append(command).append(' ').append(elsewhere.get()).append(", or compile its whole folder with ")
          .append("--catalogue ").append(folderText(elsewhere.get())).append('/');
    } else {
      text.append("; name the workbook that declares them (a workbook with the sheet").append(missing.size() == 1
          ? " " : "s ").append(and(new ArrayList<>(missing))).append(") with --catalogue ").append(command)
          .append(" WORKBOOK, or compile the whole folder with --catalogue FOLDER");
    }
    return text.toString();
  }

  /** A workbook of the shipped catalogue folder (catalogue/ here) that declares every missing kind, if any. */
  private static Optional<Path> declaringWorkbook(List<Path> named, Set<String> missing) {
    Path folder = Path.of(CompileCommand.DEFAULT_CATALOGUE);
    if (!Files.isDirectory(folder) || named.stream().anyMatch(n -> normal(folderOf(n)).equals(normal(folder)))) {
      return Optional.empty();
    }
    for (Path file : WorkbookReader.files(List.of(folder))) {
      ReadResult read = WorkbookReader.read(List.of(file));
      Declared declared = Declared.of(read);
      if (declared.tables.containsAll(missing)) {
        return Optional.of(file);
      }
    }
    return Optional.empty();
  }

  /** What a set of workbooks declares: each name with the table that declares it, and the tables with rows. */
  private static final class Declared {
    final Map<Name, String> names = new LinkedHashMap<>();
    final Set<String> tables = new HashSet<>();
    final Map<Name, String> uses = new LinkedHashMap<>();

    static Declared of(ReadResult read) {
      Declared declared = new Declared();
      for (RawTable table : read.tables()) {
        for (RawRow row : table.rows()) {
          declared.tables.add(table.name());
          switch (table.name()) {
            case Schema.FACTS -> declared.names.put(new Name(NAMES, row.value("name").strip()), Schema.FACTS);
            case Schema.COUNTRY_GROUPS -> declared.names.put(
                new Name(NAMES, row.value("group").strip().toLowerCase(java.util.Locale.ROOT)), Schema.COUNTRY_GROUPS);
            case Schema.CALENDAR, Schema.LABELS -> declared.names.put(new Name(table.name(), ANY), table.name());
            case Schema.CATALOGUE -> declared.names.put(new Name(table.name(), row.value("key").strip()),
                table.name());
            default -> {
              Table schema = Schema.require(table.name());
              if (schema.key().equals(List.of("code"))) {
                declared.names.put(new Name(table.name(), row.value("code").strip()), table.name());
              }
            }
          }
        }
      }
      return declared;
    }
  }

  /** A name in its space: a table's codes, or the names conditions use. */
  private record Name(String space, String name) {}

  /** Every name the rows use, with the table that would declare it. */
  private static Map<Name, String> uses(ReadResult read) {
    Map<Name, String> used = new LinkedHashMap<>();
    boolean anyRow = false;
    for (RawTable raw : read.tables()) {
      Table table = Schema.require(raw.name());
      for (RawRow row : raw.rows()) {
        anyRow = true;
        for (Column column : table.columns()) {
          String value = row.value(column.name()).strip();
          if (value.isEmpty()) {
            continue;
          }
          switch (column.kind()) {
            case REFERENCE, REFERENCE_LIST -> {
              String target = column.references().orElseThrow();
              for (String code : value.split(",")) {
                if (!code.isBlank()) {
                  used.put(new Name(target, code.strip()), target);
                }
              }
            }
            case CONDITION -> {
              Matcher identifiers = IDENTIFIER.matcher(STRING.matcher(value).replaceAll("''"));
              while (identifiers.find()) {
                String name = identifiers.group(1);
                if (!CEL_WORDS.contains(name)) {
                  used.put(new Name(NAMES, name), Schema.FACTS);
                }
              }
            }
            case NAME -> {
              if (!column.name().equals("name")) {
                used.put(new Name(NAMES, value), Schema.FACTS);
              }
            }
            default -> {
              if (column.name().equals("citation")) {
                for (String part : value.split(";")) {
                  String norm = part.split(",")[0].strip();
                  if (norm.matches("[A-Z0-9_]+")) {
                    used.put(new Name(Schema.NORMS, norm), Schema.NORMS);
                  }
                }
              }
            }
          }
        }
        if (raw.name().equals(Schema.FEES) && row.value("unit").strip().equals("MCI")) {
          used.put(new Name(Schema.PARAMETERS, "MCI"), Schema.PARAMETERS);
        }
        if (raw.name().equals(Schema.TERMS) && row.value("unit").strip().equals("WORKING_DAYS")) {
          used.put(new Name(Schema.CALENDAR, ANY), Schema.CALENDAR);
        }
        if (raw.name().equals(Schema.TESTS)) {
          for (String fact : row.value("facts").split(";")) {
            int equals = fact.indexOf('=');
            if (equals > 0) {
              used.put(new Name(NAMES, fact.substring(0, equals).strip()), Schema.FACTS);
            }
          }
          for (String document : row.value("documents").split(";")) {
            String code = document.split("\\(")[0].strip();
            if (!code.isEmpty()) {
              used.put(new Name(Schema.DOCUMENTS, code), Schema.DOCUMENTS);
            }
          }
        }
      }
    }
    if (anyRow) {
      // Every catalogue needs its version, and the pages and reports their labels.
      used.put(new Name(Schema.CATALOGUE, "version"), Schema.CATALOGUE);
      used.put(new Name(Schema.LABELS, ANY), Schema.LABELS);
    }
    return used;
  }

  /** The position of a table in the schema, so kinds are always listed in the same order. */
  private static int order(String table) {
    List<Table> tables = Schema.tables();
    for (int i = 0; i < tables.size(); i++) {
      if (tables.get(i).name().equals(table)) {
        return i;
      }
    }
    return tables.size();
  }

  /** How a table's names are called in a sentence. */
  private static List<String> words(Set<String> tables) {
    return tables.stream().map(t -> switch (t) {
      case Schema.CATALOGUE -> "catalogue version";
      case Schema.SUB_TYPES -> "sub-types";
      case Schema.COUNTRY_GROUPS -> "country groups";
      case Schema.PARAMETERS -> "MCI";
      case Schema.CALENDAR -> "working calendar";
      case Schema.REFUSAL_GROUNDS -> "refusal grounds";
      default -> t.toLowerCase(java.util.Locale.ROOT);
    }).toList();
  }

  /** "a", "a and b", "a, b and c". */
  static String and(List<String> items) {
    if (items.size() <= 1) {
      return String.join("", items);
    }
    return String.join(", ", items.subList(0, items.size() - 1)) + " and " + items.get(items.size() - 1);
  }

  private static Path folderOf(Path file) {
    if (Files.isDirectory(file)) {
      return file;
    }
    Path parent = file.getParent();
    return parent == null ? Path.of(".") : parent;
  }

  private static String folderText(Path file) {
    Path parent = file.getParent();
    return parent == null ? "." : parent.toString();
  }

  private static Path normal(Path path) {
    return path.toAbsolutePath().normalize();
  }

  private static boolean sameName(Path a, Path b) {
    return a.getFileName().equals(b.getFileName());
  }
}
