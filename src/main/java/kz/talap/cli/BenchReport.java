package kz.talap.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import kz.talap.compile.CatalogueCompiler;
import kz.talap.compile.CompileResult;
import kz.talap.model.Catalogue;
import kz.talap.publish.Site;
import kz.talap.publish.SitePublisher;
import kz.talap.publish.Templates;
import kz.talap.workbook.WorkbookReader;

/**
 * The measures of {@code talap bench}, each beside its floor, printed as the table {@code measure | talap | floor |
 * ratio | target}. Times of other processes are their CPU seconds (user and system, from the kernel's account of
 * waited-for children), which a busy machine disturbs far less than elapsed time; elapsed time is printed too.
 */
final class BenchReport {
  private static final double TICKS = 100.0;

  private final PrintWriter out;
  private final int rounds;
  private final List<String[]> rows = new ArrayList<>();
  private final List<double[]> compiles = new ArrayList<>();
  private double readTreeShipped;

  BenchReport(PrintWriter out, int rounds) {
    this.out = out;
    this.rounds = rounds;
  }

  interface Round {
    long run() throws Exception;
  }

  /**
   * Runs a floor and talap's work in turns — a warm-up round of each, then the measured rounds, floor and talap one
   * after the other, so that both meet the same state of the JVM and of the machine — and prints each round. Returns
   * the best rounds per second of each: {floor, talap}. A round is timed by the CPU time of this thread, which other
   * work on a shared machine barely disturbs (elapsed time is printed too).
   */
  double[] inTurns(String floorName, Round floor, String talapName, Round talap) {
    String[] names = {floorName, talapName};
    Round[] work = {floor, talap};
    double[] best = new double[2];
    long[] sink = new long[2];
    java.lang.management.ThreadMXBean threads = java.lang.management.ManagementFactory.getThreadMXBean();
    for (int i = 0; i <= rounds; i++) {
      for (int w = 0; w < 2; w++) {
        try {
          long started = System.nanoTime();
          long cpu = threads.getCurrentThreadCpuTime();
          sink[w] += work[w].run();
          double seconds = (threads.getCurrentThreadCpuTime() - cpu) / 1e9;
          double elapsed = (System.nanoTime() - started) / 1e9;
          if (i == 0) {
            continue; // the warm-up round
          }
          best[w] = Math.max(best[w], 1 / seconds);
          out.printf("%-44s round %d: CPU %.3f s, elapsed %.3f s%n", names[w], i, seconds, elapsed);
        } catch (Exception e) {
          throw new IllegalStateException(names[w] + " failed: " + e, e);
        }
      }
    }
    for (int w = 0; w < 2; w++) {
      out.printf("%-44s best: %.3f s (checksum %d)%n", names[w], 1 / best[w], sink[w]);
    }
    if (floorName.equals("plain Jackson readTree (shipped)")) {
      readTreeShipped = 1 / best[0];
    }
    return best;
  }

  /** Adds a row: talap's figure, the floor's, and whether the target is met. */
  void row(String measure, double talap, double floor, String target, boolean met) {
    rows.add(new String[] {measure, figure(talap), figure(floor), String.format("%.2f", talap / floor),
        target + (met ? "  met" : "  NOT MET")});
  }

  private static String figure(double value) {
    return value >= 100 ? String.format("%,.0f", value) : String.format("%.3f", value);
  }

  /** A single check as a user runs it, warm cache, against the start of a bare JVM: median CPU of five. */
  void startUp(String example) throws IOException {
    List<String> talap = Files.isExecutable(Path.of("talap"))
        ? List.of("./talap", "check", example)
        : List.of(java(), "-cp", classPath(), Main.class.getName(), "check", example);
    child(talap);
    double[] check = median5(talap);
    double[] jvm = median5(List.of(java(), "-Xshare:auto", "-version"));
    out.printf("%-44s median CPU %.3f s, elapsed %.3f s%n", String.join(" ", talap), check[0], check[1]);
    out.printf("%-44s median CPU %.3f s, elapsed %.3f s%n", "java -version", jvm[0], jvm[1]);
    row("single check, whole process (CPU s)", check[0], jvm[0], "≤ 0.5 s", check[0] <= 0.5);
  }

  private double[] median5(List<String> command) throws IOException {
    double[][] runs = new double[5][];
    for (int i = 0; i < runs.length; i++) {
      runs[i] = child(command);
    }
    double[] cpu = Arrays.stream(runs).mapToDouble(r -> r[0]).sorted().toArray();
    double[] wall = Arrays.stream(runs).mapToDouble(r -> r[1]).sorted().toArray();
    return new double[] {cpu[2], wall[2]};
  }

  /** Compiles the files (median of the rounds, after a warm-up) and reads them bare; returns the catalogue. */
  Optional<Catalogue> compile(String name, List<Path> files, LocalDate day) {
    double[] talap = new double[rounds];
    double[] bare = new double[rounds];
    Optional<Catalogue> catalogue = compileOnce(files, day);
    bareRead(files);
    for (int i = 0; i < rounds; i++) {
      long started = System.nanoTime();
      compileOnce(files, day);
      talap[i] = (System.nanoTime() - started) / 1e9;
      started = System.nanoTime();
      bareRead(files);
      bare[i] = (System.nanoTime() - started) / 1e9;
    }
    Arrays.sort(talap);
    Arrays.sort(bare);
    double compile = talap[rounds / 2];
    double floor = bare[rounds / 2];
    out.printf("%-44s median %.3f s; bare streaming read %.3f s%n", "compile (" + name + ")", compile, floor);
    row("compile " + name + " (s)", compile, floor, "≤ 2× bare read", compile <= 2 * floor);
    return catalogue;
  }

  /** Compiles once and reads bare once (national sizes); rows for linear growth come from these. */
  Optional<Catalogue> compileOnce(String name, List<Path> files, LocalDate day) {
    System.gc();
    long started = System.nanoTime();
    Optional<Catalogue> catalogue = compileOnce(files, day);
    double compile = (System.nanoTime() - started) / 1e9;
    started = System.nanoTime();
    long cells = bareRead(files);
    double floor = (System.nanoTime() - started) / 1e9;
    out.printf("%-44s %.3f s; bare streaming read %.3f s (%,d cells)%n", "compile (" + name + ")", compile, floor,
        cells);
    row("compile " + name + " (s)", compile, floor, "≤ 2× bare read", compile <= 2 * floor);
    compiles.add(new double[] {files.size() - 1, compile});
    return catalogue;
  }

  /** Time per workbook with all the workbooks against with one: linear growth keeps it within a factor of two. */
  void compileGrowth() {
    if (compiles.size() < 2) {
      return;
    }
    double[] one = compiles.get(0);
    double[] all = compiles.get(compiles.size() - 1);
    row("compile time per workbook, " + (int) all[0] + " vs " + (int) one[0] + " (s)", all[1] / all[0],
        one[1] / one[0], "≤ 2× (linear)", all[1] / all[0] <= 2 * one[1] / one[0]);
  }

  private static Optional<Catalogue> compileOnce(List<Path> files, LocalDate day) {
    CompileResult result = CatalogueCompiler.compile(WorkbookReader.read(files), day, true);
    return result.catalogue();
  }

  private static long bareRead(List<Path> files) {
    try {
      return WorkbookReader.bareStreamingRead(files);
    } catch (Exception e) {
      throw new IllegalStateException("bare read failed: " + e, e);
    }
  }

  /** The national catalogue compiled by another process limited to a 256 MB heap. */
  void compileInSmallHeap(Path folder, LocalDate day, Path scratch) throws IOException {
    List<String> command = List.of(java(), "-Xmx256m", "-cp", classPath(), Main.class.getName(), "compile",
        "--catalogue", folder.toString(), "--as-of", day.toString(), "--quiet", "--out",
        scratch.resolve("national.json").toString());
    double[] run = child(command);
    boolean ok = run[2] == 0;
    out.printf("%-44s exit %d, CPU %.3f s, elapsed %.3f s%n", "compile national -Xmx256m", (int) run[2], run[0],
        run[1]);
    double floor = compiles.isEmpty() ? Double.NaN : compiles.get(compiles.size() - 1)[1];
    rows.add(new String[] {"compile national, -Xmx256m process (CPU s)", ok ? figure(run[0]) : "out of memory",
        figure(floor), ok ? String.format("%.2f", run[0] / floor) : "-",
        "completes in 256 MB" + (ok ? "  met" : "  NOT MET")});
  }

  /**
   * The check of the generated JSON Lines by {@code talap check --format json} in its own process (warm cache), as
   * people run it: every language (the default) and one ({@code --lang en}). Floors: Jackson's {@code readTree} of
   * the same file in this process (warm, the target's floor), and in a process of its own (what a cold JVM reading
   * the file costs, like for like with a whole {@code talap} process).
   */
  void checkProcess(List<Path> catalogue, Path file, LocalDate day, Path scratch) throws IOException {
    Path report = scratch.resolve("check.json");
    double[] all = checkProcess(catalogue, file, day, report, List.of());
    if (all[2] == 0 || all[2] == 1) {
      // What the report alone costs: several times the size of the input (every message and citation in kk, ru
      // and en), so a bare streaming copy of it with Jackson, in this process, is a floor too.
      java.lang.management.ThreadMXBean threads = java.lang.management.ManagementFactory.getThreadMXBean();
      long cpu = threads.getCurrentThreadCpuTime();
      long tokens = kz.talap.json.CheckJson.copyOnly(report);
      double copy = (threads.getCurrentThreadCpuTime() - cpu) / 1e9;
      out.printf("%-44s %,d bytes, %,d tokens copied by bare Jackson in CPU %.3f s%n", "check --format json report",
          Files.size(report), tokens, copy);
      rows.add(new String[] {"check --format json vs readTree + copy of report (CPU s)", figure(all[0]),
          figure(readTreeShipped + copy), String.format("%.2f", all[0] / (readTreeShipped + copy)),
          "(no target: for comparison)"});
    }
    double[] one = checkProcess(catalogue, file, day, report, List.of("--lang", "en"));
    if (one[2] == 0 || one[2] == 1) {
      out.printf("%-44s %,d bytes%n", "check --format json --lang en report", Files.size(report));
    }
    List<String> readTree = List.of(java(), "-XX:+UseSerialGC", "-Xshare:auto", "-cp", classPath(),
        ReadTreeProcess.class.getName(), file.toString());
    child(readTree);
    double[] floor = child(readTree);
    out.printf("%-44s exit %d, CPU %.3f s, elapsed %.3f s%n", "plain Jackson readTree (own process)",
        (int) floor[2], floor[0], floor[1]);
    boolean checked = one[2] == 0 || one[2] == 1;
    row("check --format json --lang en vs readTree, both whole processes (CPU s)", one[0], floor[0],
        checked && floor[2] == 0 ? "≤ 2× readTree" : "≤ 2× readTree (a run FAILED)",
        checked && floor[2] == 0 && one[0] <= 2 * floor[0]);
  }

  /** One whole-process run of {@code talap check --format json --out REPORT} with these options, after a warm-up. */
  private double[] checkProcess(List<Path> catalogue, Path file, LocalDate day, Path report, List<String> options)
      throws IOException {
    // What people run: the launcher, with its JVM settings, when there is one.
    List<String> command = new ArrayList<>(Files.isExecutable(Path.of("talap")) ? List.of("./talap", "check")
        : List.of(java(), "-cp", classPath(), Main.class.getName(), "check"));
    // --catalogue takes several values: it comes first, and the submissions after the other options.
    catalogue.forEach(c -> command.addAll(List.of("--catalogue", c.toString())));
    command.addAll(List.of("--as-of", day.toString(), "--format", "json", "--out", report.toString(),
        "--no-progress"));
    command.addAll(options);
    command.add(file.toString());
    child(command);
    double[] run = child(command);
    // Exit 1 means some submissions are incomplete, which the generated batch always has.
    boolean checked = run[2] == 0 || run[2] == 1;
    String name = "check --format json" + (options.isEmpty() ? "" : " " + String.join(" ", options));
    out.printf("%-44s exit %d, CPU %.3f s, elapsed %.3f s%n", name + " (process)", (int) run[2], run[0], run[1]);
    row(name + ", whole process (CPU s)", run[0], readTreeShipped,
        checked ? "≤ 2× readTree" : "≤ 2× readTree (the check FAILED)", checked && run[0] <= 2 * readTreeShipped);
    return run;
  }

  /**
   * The whole-process floor: reads a JSON Lines file line by line with Jackson's {@code readTree}, as the in-process
   * floor does ({@link kz.talap.json.SubmissionJson#parseOnly}), prints the number of nodes and ends.
   */
  public static final class ReadTreeProcess {
    private ReadTreeProcess() {}

    public static void main(String[] args) throws IOException {
      long nodes = 0;
      try (java.io.BufferedReader lines = Files.newBufferedReader(Path.of(args[0]))) {
        for (String line = lines.readLine(); line != null; line = lines.readLine()) {
          if (!line.isBlank()) {
            nodes += kz.talap.json.SubmissionJson.parseOnly(line);
          }
        }
      }
      System.out.println(nodes);
    }
  }

  /**
   * Whether the check keeps its rate on the national catalogue. Its submissions are ten times larger (a national
   * service asks for 200 documents), so each rate is taken relative to Jackson parsing the same file.
   */
  void rateKept(double shipped, double shippedParse, double national, double nationalParse) {
    double nationalShare = national / nationalParse;
    double shippedShare = shipped / shippedParse;
    row("check rate ÷ parse rate, national vs shipped", nationalShare, shippedShare, "≥ 0.50 of shipped",
        nationalShare >= 0.5 * shippedShare);
  }


  /**
   * Publishing against bare FreeMarker rendering of the same pages (service and questionnaire pages, from models
   * built beforehand, on every core), in pages per second, both measured the same way: a warm-up round of each, then
   * the rounds in turns (floor, talap, floor, talap...), best of each. The shipped catalogue has at least three rounds
   * whatever {@code --rounds} says (a round takes about a second, so one disturbed round on a shared machine would
   * decide the row); the national catalogue publishes once, without a warm-up (the shipped rounds warmed the code; at
   * the default sizes it has some 770,000 pages).
   *
   * <p>Each shipped round publishes a new site ({@code target-0} for the warm-up, {@code target-1}…), as a first
   * publish does, and these are removed only after the national row ({@link #removeShippedSites}): on ext4 without a
   * journal, as on the build machine, making a file first steps over every free inode of its group freed in about
   * the last minute (longer while the inode table is not written back), so rounds that each replaced the site made
   * their 2,300 files among the inodes every earlier round had freed, each round slower than the one before, and
   * spent about half their time in that search, which a publish run once in a while does not meet.
   */
  void publish(String name, Catalogue catalogue, LocalDate day, Templates templates, Path target)
      throws Templates.TemplateProblem, SitePublisher.Problem, IOException {
    boolean shipped = name.equals("shipped");
    int rounds = shipped ? Math.max(3, this.rounds) : 1;
    if (shipped) {
      for (int i = 0; i <= rounds; i++) {
        shippedSites.add(target.resolveSibling(target.getFileName() + "-" + i));
      }
      // Left by a bench run that was stopped (removed long before the rounds, which are seconds away).
      removeShippedSites();
      SitePublisher.bareRendering(catalogue, day, templates);
      SitePublisher.publish(catalogue, day, templates, shippedSites.get(0));
    }
    double best = Double.MAX_VALUE;
    double bestBare = Double.MAX_VALUE;
    int pages = 0;
    long barePages = 0;
    for (int i = 1; i <= rounds; i++) {
      long[] bare = SitePublisher.bareRendering(catalogue, day, templates);
      bestBare = Math.min(bestBare, bare[1] / 1e9);
      barePages = bare[0];
      long started = System.nanoTime();
      Site site = SitePublisher.publish(catalogue, day, templates, shipped ? shippedSites.get(i) : target);
      double elapsed = (System.nanoTime() - started) / 1e9;
      best = Math.min(best, elapsed);
      pages = site.pages() + site.questionnairePages();
      out.printf("%-44s round %d: %.3f s; bare FreeMarker %.3f s%n", "publish (" + name + ")", i, elapsed,
          bare[1] / 1e9);
    }
    double rate = pages / best;
    double floor = barePages / bestBare;
    out.printf("%-44s best: %d pages in %.3f s; bare FreeMarker %d pages in %.3f s%n", "publish (" + name + ")",
        pages, best, barePages, bestBare);
    row("publish " + name + " (pages/s)", rate, floor, "≥ 0.50 of bare FreeMarker", rate >= 0.5 * floor);
    if (!shipped) {
      nationalPerPage = best / pages;
    }
  }

  /** Seconds per page of the national publish, for {@link #publishGrowth}. */
  private double nationalPerPage = Double.NaN;

  /**
   * Whether publishing time is linear in the pages: the time per page with all the national workbooks against with
   * one (the same kind of pages, a tenth as many at the default sizes), like the compile's row. The shipped
   * catalogue's pages are another kind (a national service lists ten times the documents), so its pages per second
   * are not a measure of growth.
   */
  void publishGrowth(Catalogue one, int workbooks, LocalDate day, Templates templates, Path target)
      throws Templates.TemplateProblem, SitePublisher.Problem {
    long started = System.nanoTime();
    Site site = SitePublisher.publish(one, day, templates, target);
    double elapsed = (System.nanoTime() - started) / 1e9;
    int pages = site.pages() + site.questionnairePages();
    out.printf("%-44s %d pages in %.3f s%n", "publish (national, 1 workbook)", pages, elapsed);
    double perOne = elapsed / pages;
    row("publish time per page, " + workbooks + " vs 1 workbook (ms)", nationalPerPage * 1e3, perOne * 1e3,
        "≤ 2× (linear)", nationalPerPage <= 2 * perOne);
  }

  private final List<Path> shippedSites = new ArrayList<>();

  /** Removes the sites the shipped rounds published: each link, its version folder and its lock file. */
  void removeShippedSites() throws IOException {
    for (Path site : shippedSites) {
      String name = site.getFileName().toString();
      if (!Files.isDirectory(site.getParent())) {
        continue;
      }
      List<Path> entries;
      try (Stream<Path> listing = Files.list(site.getParent())) {
        entries = listing.filter(p -> p.getFileName().toString().equals(name)
            || p.getFileName().toString().startsWith("." + name + ".")).toList();
      }
      for (Path entry : entries) {
        List<Path> inside;
        try (Stream<Path> walk = Files.walk(entry)) {
          inside = walk.sorted(Comparator.reverseOrder()).toList();
        }
        for (Path file : inside) {
          Files.delete(file);
        }
      }
    }
  }

  void print() {
    String[] header = {"measure", "talap", "floor", "ratio", "target"};
    int[] widths = new int[header.length];
    List<String[]> all = new ArrayList<>();
    all.add(header);
    all.addAll(rows);
    for (String[] row : all) {
      for (int i = 0; i < row.length; i++) {
        widths[i] = Math.max(widths[i], row[i].length());
      }
    }
    out.println();
    for (int r = 0; r < all.size(); r++) {
      StringBuilder text = new StringBuilder("|");
      for (int i = 0; i < header.length; i++) {
        text.append(' ').append(String.format("%-" + widths[i] + "s", all.get(r)[i])).append(" |");
      }
      out.println(text);
      if (r == 0) {
        StringBuilder rule = new StringBuilder("|");
        for (int width : widths) {
          rule.append('-').append("-".repeat(width)).append("-|");
        }
        out.println(rule);
      }
    }
  }

  private static String java() {
    return ProcessHandle.current().info().command().orElse("java");
  }

  private static String classPath() {
    return System.getProperty("java.class.path");
  }

  /** Runs a command to its end; returns its CPU seconds, elapsed seconds and exit code. */
  private static double[] child(List<String> command) throws IOException {
    double before = childrenCpu();
    long started = System.nanoTime();
    Process process = new ProcessBuilder(command).redirectOutput(ProcessBuilder.Redirect.DISCARD)
        .redirectError(ProcessBuilder.Redirect.DISCARD).start();
    int exit;
    try {
      exit = process.waitFor();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IOException("interrupted");
    }
    double wall = (System.nanoTime() - started) / 1e9;
    return new double[] {childrenCpu() - before, wall, exit};
  }

  /** User and system seconds of the children this process has waited for (Linux /proc; NaN elsewhere). */
  private static double childrenCpu() {
    try {
      String stat = Files.readString(Path.of("/proc/self/stat"));
      String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
      // Fields 16 and 17 of proc(5), cutime and cstime, counted from field 3 (state) here.
      return (Long.parseLong(fields[13]) + Long.parseLong(fields[14])) / TICKS;
    } catch (IOException | RuntimeException e) {
      return Double.NaN;
    }
  }
}
