package kz.talap.cli;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.PrintWriter;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import kz.talap.check.CheckResult.Verdict;
import kz.talap.check.Checker;
import kz.talap.check.Submission;
import kz.talap.check.Submission.Payment;
import kz.talap.check.Submission.PresentedDocument;
import kz.talap.compile.CatalogueCompiler;
import kz.talap.compile.CompileResult;
import kz.talap.json.SubmissionJson;
import kz.talap.model.Catalogue;
import kz.talap.model.Enums.FactType;
import kz.talap.model.Enums.Recipient;
import kz.talap.model.Fact;
import kz.talap.model.Requirement;
import kz.talap.model.Service;
import kz.talap.model.SubType;
import kz.talap.publish.SitePublisher;
import kz.talap.publish.Templates;
import kz.talap.workbook.WorkbookReader;
import org.apache.commons.cli.CommandLine;
import org.apache.commons.cli.Option;
import org.apache.commons.cli.Options;

/**
 * {@code talap bench}: measures every performance target of the project in one run and prints each beside its floor
 * (see {@link BenchReport}): the start of a single check against the start of a JVM; compiling the shipped and a
 * generated national catalogue against a bare streaming read of the same files; checking against Jackson parsing the
 * same JSON Lines; publishing against bare FreeMarker rendering of the same pages.
 */
final class BenchCommand {
  private static final List<String> COUNTRIES = List.of("UZ", "RU", "CN", "KG", "TR", "DE", "IN", "BY", "XX", "AM");
  private static final List<String> LANGUAGES = List.of("ru", "kk", "en", "uz", "zh", "tr");
  private static final LocalDate DAY = LocalDate.of(2026, 3, 20);
  private static final String EXAMPLE = "catalogue/examples/trp-work-complete.json";

  private final PrintWriter out;
  private final PrintWriter err;

  BenchCommand(PrintWriter out, PrintWriter err) {
    this.out = out;
    this.err = err;
  }

  int run(String[] args) {
    Options options = CompileCommand.catalogueOptions();
    options.addOption(Option.builder("n").longOpt("count").hasArg().argName("N")
        .desc("how many submissions to generate (default 100000)").build());
    options.addOption(Option.builder().longOpt("file").hasArg().argName("FILE")
        .desc("where to write the generated JSON Lines (default target/bench/submissions.jsonl)").build());
    options.addOption(Option.builder().longOpt("rounds").hasArg().argName("N")
        .desc("measured rounds after one warm-up round (default 3)").build());
    options.addOption(Option.builder().longOpt("workbooks").hasArg().argName("N")
        .desc("workbooks of the national catalogue (default 50)").build());
    options.addOption(Option.builder().longOpt("services").hasArg().argName("N")
        .desc("services of the national catalogue (default 1000)").build());
    options.addOption(Option.builder().longOpt("requirements").hasArg().argName("N")
        .desc("requirement rows of the national catalogue (default 300000)").build());
    options.addOption(Option.builder().longOpt("national").hasArg().argName("FOLDER")
        .desc("where the national catalogue is generated (default target/bench/national)").build());
    options.addOption(Option.builder().longOpt("generate-only")
        .desc("only generate the national catalogue, measure nothing").build());
    options.addOption(Option.builder().longOpt("in-process")
        .desc("skip the measures that start other processes (start-up, 256 MB compile, whole-process check)")
        .build());
    options.addOption(Option.builder().longOpt("journal")
        .desc("also measure checks per second with each check recorded in a journal (SQLite, and PostgreSQL with "
            + "--journal-pg)").build());
    options.addOption(Option.builder().longOpt("journal-count").hasArg().argName("N")
        .desc("how many of the submissions to record per measurement (default 2000)").build());
    options.addOption(Option.builder().longOpt("journal-pg").hasArg().argName("URL")
        .desc("a scratch PostgreSQL database for --journal, jdbc:postgresql://… (default: $TALAP_BENCH_PG_URL)")
        .build());
    options.addOption(Option.builder().longOpt("journal-threads").hasArg().argName("N")
        .desc("also measure with N threads recording at once (default 4)").build());
    Optional<CommandLine> parsed = kz.talap.cli.Options.parse("bench", options, args, err);
    if (parsed.isEmpty()) {
      return Main.USAGE;
    }
    CommandLine line = parsed.get();
    if (line.hasOption("help")) {
      out.print(kz.talap.cli.Options.help("bench",
          "Measures talap against its floors: start-up, compile, check and publish.", options));
      return Main.OK;
    }
    int count;
    int rounds;
    NationalCatalogue national;
    int journalCount;
    int journalThreads;
    try {
      journalCount = Integer.parseInt(line.getOptionValue("journal-count", "2000"));
      journalThreads = Integer.parseInt(line.getOptionValue("journal-threads", "4"));
      count = Integer.parseInt(line.getOptionValue("count", "100000"));
      rounds = Integer.parseInt(line.getOptionValue("rounds", "3"));
      national = new NationalCatalogue(Integer.parseInt(line.getOptionValue("workbooks", "50")),
          Integer.parseInt(line.getOptionValue("services", "1000")),
          Integer.parseInt(line.getOptionValue("requirements", "300000")));
    } catch (NumberFormatException e) {
      err.println("talap bench: --count, --rounds, --workbooks, --services, --requirements, --journal-count and "
          + "--journal-threads take a whole number");
      return Main.USAGE;
    }
    if (count < 1 || rounds < 1 || national.workbooks < 1 || national.services < national.workbooks
        || national.requirements < national.services) {
      err.println("talap bench: sizes must be at least 1, with at least one service per workbook and one "
          + "requirement row per service");
      return Main.USAGE;
    }
    if (journalCount < 1 || journalThreads < 1) {
      err.println("talap bench: --journal-count and --journal-threads must be at least 1");
      return Main.USAGE;
    }
    if (line.hasOption("journal")) {
      return journal(line, count, journalCount, journalThreads);
    }
    List<Path> shippedInputs = CompileCommand.inputs(line);
    List<Path> shipped = WorkbookReader.files(shippedInputs);
    Path folder = Path.of(line.getOptionValue("national", "target/bench/national"));
    Path scratch = Path.of("target/bench");
    List<Path> nationalFiles;
    try {
      Files.createDirectories(scratch);
      Path reference = shipped.stream().filter(f -> f.getFileName().toString().equals("reference.xlsx"))
          .findFirst().orElseThrow(() -> new IOException("the catalogue has no reference.xlsx to build on"));
      long started = System.nanoTime();
      nationalFiles = national.write(folder, reference);
      out.printf("National catalogue: %d workbooks (and the shipped reference.xlsx), %,d services, %,d requirement "
          + "rows in %s (%.1f s)%n", national.workbooks, national.services, national.requirements, folder,
          (System.nanoTime() - started) / 1e9);
    } catch (IOException | RuntimeException e) {
      err.println("talap bench: cannot generate the national catalogue: " + e.getMessage());
      return Main.USAGE;
    }
    if (line.hasOption("generate-only")) {
      return Main.OK;
    }
    BenchReport report = new BenchReport(out, rounds);
    try {
      if (!line.hasOption("in-process")) {
        report.startUp(EXAMPLE);
      }
      Catalogue shippedCatalogue = report.compile("shipped", shipped, DAY).orElse(null);
      if (shippedCatalogue == null) {
        return CompileCommand.explainErrors("bench", CatalogueCompiler.compile(WorkbookReader.read(shipped), DAY,
            true), err);
      }
      // The shipped catalogue's checks first, in a JVM that has done nothing else yet: compiling 300,000 rows first
      // would leave the JIT's profiles of shared code (maps, lists) shaped by the compile rather than by checking.
      Path file = Path.of(line.getOptionValue("file", "target/bench/submissions.jsonl"));
      List<String> lines = write(file, generate(shippedCatalogue.at(DAY), count, DAY));
      out.printf("Generated %,d submissions (%,d bytes) in %s%n", lines.size(), Files.size(file), file);
      double[] shippedRate = check(report, "shipped", shippedCatalogue, lines);
      // 1, 10 and all the workbooks (the shipped reference.xlsx comes first in every set), each size once.
      Catalogue nationalOne = null;
      if (national.workbooks > 1) {
        nationalOne = report.compileOnce("national, 1 workbook", nationalFiles.subList(0, 2), DAY).orElse(null);
      }
      if (national.workbooks > 10) {
        report.compileOnce("national, 10 workbooks", nationalFiles.subList(0, 11), DAY);
      }
      Catalogue nationalCatalogue = report.compileOnce("national, " + national.workbooks + " workbooks",
          nationalFiles, DAY).orElse(null);
      report.compileGrowth();
      if (nationalCatalogue == null) {
        err.println("talap bench: the national catalogue has errors; run talap compile --catalogue " + folder);
        return Main.FAILED;
      }
      if (!line.hasOption("in-process")) {
        report.compileInSmallHeap(folder, DAY, scratch);
      }
      Path nationalFile = scratch.resolve("national-submissions.jsonl");
      List<String> nationalLines = write(nationalFile, generate(nationalCatalogue.at(DAY), count, DAY));
      double[] nationalRate = check(report, "national", nationalCatalogue, nationalLines);
      report.rateKept(shippedRate[0], shippedRate[1], nationalRate[0], nationalRate[1]);
      if (!line.hasOption("in-process")) {
        report.checkProcess(shippedInputs, file, DAY, scratch);
      }
      Templates templates = Templates.in(Path.of(PublishCommand.DEFAULT_TEMPLATES));
      report.publish("shipped", shippedCatalogue, DAY, templates, scratch.resolve("site-shipped"));
      report.publish("national", nationalCatalogue, DAY, templates, scratch.resolve("site-national"));
      if (nationalOne != null) {
        report.publishGrowth(nationalOne, national.workbooks, DAY, templates, scratch.resolve("site-national-1"));
      }
      report.removeShippedSites();
    } catch (IOException e) {
      err.println("talap bench: " + e.getMessage());
      return Main.USAGE;
    } catch (Templates.TemplateProblem | SitePublisher.Problem e) {
      err.println("talap bench: cannot publish: " + e.getMessage());
      return Main.USAGE;
    }
    report.print();
    return Main.OK;
  }

  /**
   * {@code --journal}: checks per second with each check recorded in a journal (SQLite, and PostgreSQL with
   * {@code --journal-pg}), beside the rate without one, on submissions generated for the shipped catalogue.
   */
  private int journal(CommandLine line, int count, int journalCount, int journalThreads) {
    CompileResult compiled = CatalogueCompiler.compile(WorkbookReader.read(CompileCommand.inputs(line)), DAY, true);
    if (compiled.catalogue().isEmpty()) {
      return CompileCommand.explainErrors("bench", compiled, err);
    }
    Catalogue catalogue = compiled.catalogue().get();
    Path file = Path.of(line.getOptionValue("file", "target/bench/submissions.jsonl"));
    List<String> input;
    try {
      input = write(file, generate(catalogue.at(DAY), count, DAY));
    } catch (IOException e) {
      err.println("talap bench: " + e.getMessage());
      return Main.USAGE;
    }
    String postgres = line.getOptionValue("journal-pg", System.getenv("TALAP_BENCH_PG_URL"));
    Path sqlite = file.toAbsolutePath().resolveSibling("journal.db");
    JournalBench bench = new JournalBench(out, err, catalogue, input.subList(0, Math.min(journalCount, input.size())));
    return bench.run(sqlite, postgres == null || postgres.isBlank() ? null : postgres, journalThreads)
        ? Main.OK : Main.USAGE;
  }

  private static List<String> write(Path file, List<String> lines) throws IOException {
    if (file.getParent() != null) {
      Files.createDirectories(file.getParent());
    }
    try (BufferedWriter writer = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
      for (String text : lines) {
        writer.write(text);
        writer.write('\n');
      }
    }
    return Files.readAllLines(file, StandardCharsets.UTF_8);
  }

  /** Check throughput against Jackson's readTree of the same lines; returns both in submissions per second. */
  private double[] check(BenchReport report, String name, Catalogue catalogue, List<String> input) {
    int[] verdicts = new int[3];
    double[] best = report.inTurns("plain Jackson readTree (" + name + ")", () -> {
      long nodes = 0;
      for (String text : input) {
        nodes += SubmissionJson.parseOnly(text);
      }
      return nodes;
    }, "talap check (" + name + ")", () -> {
      Checker checker = new Checker(catalogue);
      SubmissionJson.Reader submissions = SubmissionJson.reader(catalogue);
      Arrays.fill(verdicts, 0);
      for (String text : input) {
        SubmissionJson.Parsed one = submissions.read(text);
        if (one.submission().isEmpty()) {
          verdicts[2]++;
        } else {
          verdicts[checker.check(one.submission().get()).verdict() == Verdict.COMPLETE ? 0 : 1]++;
        }
      }
      return verdicts[0];
    });
    double plain = best[0];
    double full = best[1];
    out.printf("Verdicts: %,d complete, %,d incomplete, %,d input errors%n", verdicts[0], verdicts[1], verdicts[2]);
    out.printf("Summary: plain Jackson %,.0f submissions/s; talap check %,.0f submissions/s (%.1f%% of plain)%n",
        plain * input.size(), full * input.size(), 100.0 * full / plain);
    report.row("check in-process, " + name + " (submissions/s)", full * input.size(), plain * input.size(),
        "≥ 0.50 of readTree", full / plain >= 0.5);
    return new double[] {full * input.size(), plain * input.size()};
  }

  private static Optional<String> stage(Catalogue catalogue, String service, Optional<String> subtype,
      Random random) {
    List<String> stages = catalogue.stagesOf(service).stream()
        .filter(s -> s.subtype().isEmpty() || s.subtype().equals(subtype))
        .map(s -> s.code()).toList();
    return stages.isEmpty() ? Optional.empty() : Optional.of(stages.get(random.nextInt(stages.size())));
  }

  /** Submissions for every service and sub-type, most documents present, with realistic mistakes now and then. */
  static List<String> generate(Catalogue catalogue, int count, LocalDate day) {
    Random random = new Random(42);
    List<String> lines = new ArrayList<>(count);
    for (int i = 0; i < count; i++) {
      Service service = catalogue.services().get(random.nextInt(catalogue.services().size()));
      List<SubType> subtypes = catalogue.subTypesOf(service.code());
      Optional<String> subtype = subtypes.isEmpty() ? Optional.empty()
          : Optional.of(subtypes.get(random.nextInt(subtypes.size())).code());
      List<String> channels = new ArrayList<>(service.channels());
      catalogue.channels().forEach(c -> {
        if (random.nextInt(20) == 0 && !channels.contains(c.code())) {
          channels.add(c.code());
        }
      });
      String channel = channels.get(random.nextInt(channels.size()));
      LocalDateTime at = day.plusDays(random.nextInt(200)).atTime(LocalTime.of(8 + random.nextInt(12),
          random.nextInt(60)));
      Map<String, Object> facts = new HashMap<>();
      for (Fact fact : catalogue.facts()) {
        if (fact.derivedFrom().isPresent()) {
          continue;
        }
        if (fact.type() == FactType.COUNTRY) {
          facts.put(fact.name(), COUNTRIES.get(random.nextInt(COUNTRIES.size())));
        } else if (fact.type() == FactType.DATE) {
          facts.put(fact.name(), at.toLocalDate().minusYears(14 + random.nextInt(50)).minusDays(random.nextInt(365)));
        } else if (fact.type() == FactType.TEXT && !fact.allowedValues().isEmpty()) {
          facts.put(fact.name(), fact.allowedValues().get(random.nextInt(fact.allowedValues().size())));
        } else if (fact.type() == FactType.BOOL && random.nextInt(4) == 0) {
          facts.put(fact.name(), true);
        }
      }
      List<PresentedDocument> documents = new ArrayList<>();
      for (Requirement requirement : catalogue.requirementsOf(service.code())) {
        if (random.nextInt(12) == 0
            || (requirement.subtype().isPresent() && !requirement.subtype().equals(subtype))) {
          continue;
        }
        LocalDate issued = at.toLocalDate().minusDays(random.nextInt(400));
        boolean foreign = random.nextInt(3) == 0;
        documents.add(new PresentedDocument(requirement.document(), Optional.of(issued),
            Optional.of(issued.plusYears(1 + random.nextInt(10))),
            Optional.of(LANGUAGES.get(random.nextInt(LANGUAGES.size()))), random.nextInt(5) > 0,
            foreign ? Optional.of(COUNTRIES.get(random.nextInt(COUNTRIES.size() - 2))) : Optional.empty(),
            random.nextInt(5) > 0, false, Optional.empty(), random.nextInt(10) > 0));
      }
      List<Payment> payments = new ArrayList<>();
      if (random.nextInt(4) > 0) {
        payments.add(new Payment(BigDecimal.valueOf(15_000 + random.nextInt(4_000)),
            at.toLocalDate().minusDays(random.nextInt(30) - 2)));
      }
      lines.add(SubmissionJson.write(new Submission(Optional.of("B-" + i), service.code(), subtype,
          stage(catalogue, service.code(), subtype, random), channel,
          random.nextInt(10) == 0 ? Recipient.LEGAL_ENTITY : Recipient.INDIVIDUAL, at, facts, documents,
          payments)));
    }
    return lines;
  }
}
