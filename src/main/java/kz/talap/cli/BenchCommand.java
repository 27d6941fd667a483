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
import kz.talap.compile.CompileResult;
import kz.talap.json.SubmissionJson;
import kz.talap.model.Catalogue;
import kz.talap.model.Enums.FactType;
import kz.talap.model.Enums.Recipient;
import kz.talap.model.Fact;
import kz.talap.model.Requirement;
import kz.talap.model.Service;
import kz.talap.model.SubType;
import org.apache.commons.cli.CommandLine;
import org.apache.commons.cli.Option;
import org.apache.commons.cli.Options;

/**
 * {@code talap bench}: generates a JSON Lines file of varied submissions for the catalogue (fixed seed, so the same
 * file every time) and measures submissions per second for plain Jackson parsing and for the full check.
 */
final class BenchCommand {
  private static final List<String> COUNTRIES = List.of("UZ", "RU", "CN", "KG", "TR", "DE", "IN", "BY", "XX", "AM");
  private static final List<String> LANGUAGES = List.of("ru", "kk", "en", "uz", "zh", "tr");

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
      out.print(kz.talap.cli.Options.help("bench", "Measures talap check against plain JSON parsing.", options));
      return Main.OK;
    }
    int count;
    int rounds;
    int journalCount;
    int journalThreads;
    try {
      count = Integer.parseInt(line.getOptionValue("count", "100000"));
      rounds = Integer.parseInt(line.getOptionValue("rounds", "3"));
      journalCount = Integer.parseInt(line.getOptionValue("journal-count", "2000"));
      journalThreads = Integer.parseInt(line.getOptionValue("journal-threads", "4"));
    } catch (NumberFormatException e) {
      err.println("talap bench: --count, --rounds, --journal-count and --journal-threads take a whole number");
      return Main.USAGE;
    }
    if (count < 1 || rounds < 1 || journalCount < 1 || journalThreads < 1) {
      err.println("talap bench: --count, --rounds, --journal-count and --journal-threads must be at least 1");
      return Main.USAGE;
    }
    LocalDate day = LocalDate.of(2026, 3, 20);
    CompileResult compiled = CompileCommand.compile(line, day);
    if (compiled.catalogue().isEmpty()) {
      return CompileCommand.explainErrors("bench", compiled, err);
    }
    Catalogue catalogue = compiled.catalogue().get();
    Path file = Path.of(line.getOptionValue("file", "target/bench/submissions.jsonl"));
    List<String> lines = generate(catalogue.at(day), count, day);
    try {
      if (file.getParent() != null) {
        Files.createDirectories(file.getParent());
      }
      try (BufferedWriter writer = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
        for (String text : lines) {
          writer.write(text);
          writer.write('\n');
        }
      }
      lines = Files.readAllLines(file, StandardCharsets.UTF_8);
      out.printf("Generated %,d submissions (%,d bytes) in %s%n", lines.size(), Files.size(file), file);
    } catch (IOException e) {
      err.println("talap bench: cannot write " + file + ": " + e.getMessage());
      return Main.USAGE;
    }
    List<String> input = lines;
    double plain = measure("plain Jackson readTree", rounds, () -> {
      long nodes = 0;
      for (String text : input) {
        nodes += SubmissionJson.parseOnly(text);
      }
      return nodes;
    });
    int[] verdicts = new int[3];
    double full = measure("talap check (read, validate, check)", rounds, () -> {
      Checker checker = new Checker(catalogue);
      SubmissionJson.Reader submissions = SubmissionJson.reader(catalogue);
      Arrays.fill(verdicts, 0);
      for (String text : input) {
        SubmissionJson.Parsed parsed2 = submissions.read(text);
        if (parsed2.submission().isEmpty()) {
          verdicts[2]++;
        } else {
          verdicts[checker.check(parsed2.submission().get()).verdict() == Verdict.COMPLETE ? 0 : 1]++;
        }
      }
      return verdicts[0];
    });
    out.printf("Verdicts: %,d complete, %,d incomplete, %,d input errors%n", verdicts[0], verdicts[1], verdicts[2]);
    out.printf("Summary: plain Jackson %,.0f submissions/s; talap check %,.0f submissions/s (%.1f%% of plain)%n",
        plain * input.size(), full * input.size(), 100.0 * full / plain);
    if (line.hasOption("journal")) {
      String postgres = line.getOptionValue("journal-pg", System.getenv("TALAP_BENCH_PG_URL"));
      Path sqlite = file.toAbsolutePath().resolveSibling("journal.db");
      JournalBench bench = new JournalBench(out, err, catalogue,
          input.subList(0, Math.min(journalCount, input.size())));
      if (!bench.run(sqlite, postgres == null || postgres.isBlank() ? null : postgres, journalThreads)) {
        return Main.USAGE;
      }
    }
    return Main.OK;
  }

  private interface Round {
    long run() throws Exception;
  }

  /** Runs one warm-up round and {@code rounds} measured ones; prints each and returns the best rounds per second. */
  private double measure(String name, int rounds, Round round) {
    double best = 0;
    try {
      long sink = round.run();
      for (int i = 1; i <= rounds; i++) {
        long started = System.nanoTime();
        sink += round.run();
        double seconds = (System.nanoTime() - started) / 1e9;
        best = Math.max(best, 1 / seconds);
        out.printf("%-38s round %d: %.3f s%n", name, i, seconds);
      }
      out.printf("%-38s best: %.3f s (checksum %d)%n", name, 1 / best, sink);
    } catch (Exception e) {
      throw new IllegalStateException(name + " failed: " + e, e);
    }
    return best;
  }

  private static Optional<String> stage(Catalogue catalogue, String service, Optional<String> subtype,
      Random random) {
    List<String> stages = catalogue.stages().stream()
        .filter(s -> s.service().equals(service) && (s.subtype().isEmpty() || s.subtype().equals(subtype)))
        .map(s -> s.code()).toList();
    return stages.isEmpty() ? Optional.empty() : Optional.of(stages.get(random.nextInt(stages.size())));
  }

  /** Submissions for every service and sub-type, most documents present, with realistic mistakes now and then. */
  static List<String> generate(Catalogue catalogue, int count, LocalDate day) {
    Random random = new Random(42);
    List<String> lines = new ArrayList<>(count);
    for (int i = 0; i < count; i++) {
      Service service = catalogue.services().get(random.nextInt(catalogue.services().size()));
      List<SubType> subtypes = catalogue.subTypes().stream().filter(s -> s.service().equals(service.code()))
          .toList();
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
      for (Requirement requirement : catalogue.requirements()) {
        if (!requirement.service().equals(service.code()) || random.nextInt(12) == 0
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
