package kz.talap.questionnaire;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.stream.IntStream;
import kz.talap.check.CheckResult;
import kz.talap.check.Checker;
import kz.talap.check.Finding;
import kz.talap.check.Finding.Kind;
import kz.talap.check.Submission;
import kz.talap.check.Submission.PresentedDocument;
import kz.talap.condition.Condition;
import kz.talap.model.Catalogue;
import kz.talap.model.Enums.Recipient;
import kz.talap.model.Fact;
import kz.talap.model.Requirement;
import kz.talap.model.Service;
import kz.talap.model.Stage;
import kz.talap.model.SubType;

/**
 * The questions that narrow one service's (or sub-type's) checklist to one applicant, as a tree: each question asks a
 * fact its requirement conditions or reduced sets read, each answer leads to the next question or to the outcome, the
 * documents a {@link Checker} run finds missing for an applicant with those answers and no documents.
 *
 * <p>The tree is built from every combination of answers: a question is asked only when its answer can change the
 * list given the earlier answers, and of those, the one that changes it for the most combinations comes first. The
 * checker runs once per distinct {@link DueKey} (what decides the list), not once per combination.
 */
public final class Questionnaire {
  /** Pages one questionnaire may have in one language: its questions plus two per outcome (answers, list). */
  public static final int MAX_PAGES = 1000;
  /** Combinations of answers a questionnaire may be built from; each costs a check. */
  public static final int MAX_COMBINATIONS = 1 << 17;

  /** One answer to a question: the file-name token, what it says, and the fact value it stands for. */
  public record Answer(String token, Kind kind, List<String> args, Object value) {
    public Answer {
      args = List.copyOf(args);
    }

    /** What an answer says: the words are the catalogue's labels (see docs/templates.md). */
    public enum Kind { YES, NO, TEXT, GROUP, COUNTRY, OTHER_COUNTRY, AGE_UNDER, AGE_RANGE, AGE_FROM }
  }

  /** A node of the tree: a question or an outcome. */
  public sealed interface Node permits Question, Outcome {}

  /**
   * A question about a fact, with the node each answer leads to. When the list depends on several yes/no facts only
   * through whether any of them holds, they are asked as one question ({@code also} holds the others): "yes" means at
   * least one of them holds.
   */
  public record Question(Fact fact, List<Fact> also, List<Branch> branches) implements Node {
    public Question {
      also = List.copyOf(also);
      branches = List.copyOf(branches);
    }
  }

  public record Branch(Answer answer, Node next) {}

  /**
   * The end of the questions: the codes of the requirements the applicant must meet, and the facts of one applicant
   * with these answers (the facts not asked do not change the list).
   */
  public record Outcome(List<String> requirements, Map<String, Object> facts) implements Node {
    public Outcome {
      requirements = List.copyOf(requirements);
      facts = Map.copyOf(facts);
    }
  }

  /**
   * Checkers of one catalogue snapshot, each lent to one thread at a time. A checker works out its own view of the
   * rows in force on first use (a copy of the tables and their index: for a national catalogue of 200,000
   * requirements, a tenth of a second and tens of megabytes), so the questionnaires of a site share a few checkers
   * rather than each making one per thread.
   */
  public static final class Checkers {
    private final Catalogue snapshot;
    private final ConcurrentLinkedQueue<Checker> idle = new ConcurrentLinkedQueue<>();

    /** Checkers of the catalogue in force on one day ({@link Catalogue#at}). */
    public Checkers(Catalogue snapshot) {
      this.snapshot = snapshot;
    }

    Checker borrow() {
      Checker checker = idle.poll();
      return checker != null ? checker : new Checker(snapshot);
    }

    void giveBack(Checker checker) {
      idle.add(checker);
    }
  }

  /** A questionnaire that would exceed {@link #MAX_PAGES} or {@link #MAX_COMBINATIONS}. */
  public static final class TooLarge extends Exception {
    TooLarge(String message) {
      super(message);
    }
  }

  private final Node root;
  private final int pages;

  private Questionnaire(Node root, int pages) {
    this.root = root;
    this.pages = pages;
  }

  public Node root() {
    return root;
  }

  /** Pages in one language: one per question, two per outcome (check your answers, the list). */
  public int pages() {
    return pages;
  }

  /**
   * The questionnaire of a service or sub-type in the catalogue in force on {@code asOf}, or empty when no answer can
   * change its list (or it reads a fact that cannot be asked as a choice: a date, a number other than an age, a free
   * text).
   */
  public static Optional<Questionnaire> of(Catalogue snapshot, LocalDate asOf, Service service,
      Optional<SubType> subtype) throws TooLarge {
    return of(new Checkers(snapshot), asOf, service, subtype);
  }

  /**
   * The questionnaire of a service or sub-type as {@link #of(Catalogue, LocalDate, Service, Optional)} gives it,
   * checked with checkers of the snapshot that the questionnaires of one site share.
   */
  public static Optional<Questionnaire> of(Checkers checkers, LocalDate asOf, Service service,
      Optional<SubType> subtype) throws TooLarge {
    Catalogue snapshot = checkers.snapshot;
    String name = service.code() + subtype.map(s -> "/" + s.code()).orElse("");
    List<Condition> conditions = new ArrayList<>();
    snapshot.requirementsOf(service.code()).stream()
        .filter(r -> r.subtype().isEmpty() || r.subtype().equals(subtype.map(SubType::code)))
        .forEach(r -> r.condition().ifPresent(conditions::add));
    snapshot.categoriesOf(service.code()).forEach(c -> conditions.add(c.condition()));
    List<Fact> facts = new ArrayList<>();
    List<List<Answer>> domains = new ArrayList<>();
    for (Fact fact : snapshot.facts()) {
      List<Condition> readers = conditions.stream().filter(c -> c.facts().contains(fact.name())).toList();
      if (readers.isEmpty()) {
        continue;
      }
      Optional<List<Answer>> answers = AnswerDomain.of(fact, readers, snapshot, asOf);
      if (answers.isEmpty()) {
        return Optional.empty();
      }
      facts.add(fact);
      domains.add(answers.get());
    }
    long combinations = 1;
    for (List<Answer> domain : domains) {
      combinations *= domain.size();
      if (combinations > MAX_COMBINATIONS) {
        throw new TooLarge(name + ": the conditions read " + facts.size() + " facts with more than "
            + MAX_COMBINATIONS + " combinations of answers (the limit; ask fewer facts in its conditions)");
      }
    }
    Builder builder = new Builder(checkers, asOf, service, subtype, facts, domains, (int) combinations, name);
    boolean[][] allowed = new boolean[facts.size()][];
    for (int i = 0; i < facts.size(); i++) {
      allowed[i] = new boolean[domains.get(i).size()];
      java.util.Arrays.fill(allowed[i], true);
    }
    Set<Integer> merged = builder.mergeAnyOf();
    boolean[] asked = new boolean[facts.size()];
    for (int f : merged) {
      allowed[f] = new boolean[] {false, true};
      asked[f] = true;
    }
    int[] start = new int[(int) combinations];
    int kept = 0;
    next:
    for (int c = 0; c < combinations; c++) {
      for (int f : merged) {
        if (builder.digit(c, f) != NO) {
          continue next;
        }
      }
      start[kept++] = c;
    }
    Node root = builder.node(java.util.Arrays.copyOf(start, kept), allowed, asked);
    if (root instanceof Outcome) {
      return Optional.empty();
    }
    return Optional.of(new Questionnaire(root, builder.pages));
  }

  /** The index of "no" in a yes/no fact's answers (see AnswerDomain). */
  private static final int NO = 1;

  /** Works out the outcome of every combination once, then grows the tree over them. */
  private static final class Builder {
    /** Of each group of yes/no facts read only through "any of them", the first fact, with the others. */
    private final Map<Integer, List<Integer>> anyOf = new LinkedHashMap<>();
    private final List<Fact> facts;
    private final List<List<Answer>> domains;
    private final int[] strides;
    /** The number of answers of each fact. */
    private final int[] sizes;
    /**
     * Of each fact with 2 to 127 answers, its answer in each combination (the search asks this millions of times, and
     * a division each time was most of its work); null for the others, worked out by division.
     */
    private final byte[][] answerIn;
    private final int[] outcome;
    private final List<List<String>> outcomes = new ArrayList<>();
    private final String name;
    private final LocalDate asOf;
    private int pages;

    Builder(Checkers checkers, LocalDate asOf, Service service, Optional<SubType> subtype, List<Fact> facts,
        List<List<Answer>> domains, int combinations, String name) {
      Catalogue snapshot = checkers.snapshot;
      this.facts = facts;
      this.domains = domains;
      this.name = name;
      this.asOf = asOf;
      this.strides = new int[facts.size()];
      this.sizes = domains.stream().mapToInt(List::size).toArray();
      int stride = 1;
      for (int i = facts.size() - 1; i >= 0; i--) {
        strides[i] = stride;
        stride *= domains.get(i).size();
      }
      answerIn = new byte[facts.size()][];
      for (int f = 0; f < facts.size(); f++) {
        if (sizes[f] >= 2 && sizes[f] <= Byte.MAX_VALUE) {
          answerIn[f] = new byte[combinations];
          for (int c = 0; c < combinations; c++) {
            answerIn[f][c] = (byte) ((c / strides[f]) % sizes[f]);
          }
        }
      }
      List<Optional<String>> stages = new ArrayList<>();
      snapshot.stagesOf(service.code()).stream()
          .filter(s -> s.subtype().isEmpty() || s.subtype().equals(subtype.map(SubType::code)))
          .sorted(Comparator.comparingInt(Stage::order)).forEach(s -> stages.add(Optional.of(s.code())));
      if (stages.isEmpty()) {
        stages.add(Optional.empty());
      }
      // The checker runs once per key (what decides the list), the combinations spread over every core and collected
      // in order; two threads meeting a new key at once both check it and get the same list (deterministic).
      DueKey due = new DueKey(snapshot, asOf, service, subtype, facts,
          domains.stream().mapToInt(List::size).toArray(), this::facts);
      Map<String, List<String>> byKey = new ConcurrentHashMap<>();
      List<List<String>> lists = IntStream.range(0, combinations).parallel()
          .mapToObj(c -> {
            Optional<String> key = due.of(c);
            List<String> known = key.map(byKey::get).orElse(null);
            if (known != null) {
              return known;
            }
            Checker checker = checkers.borrow();
            try {
              List<String> list = required(checker, snapshot, asOf, service, subtype, stages, facts(c));
              key.ifPresent(k -> byKey.putIfAbsent(k, list));
              return list;
            } finally {
              checkers.giveBack(checker);
            }
          })
          .toList();
      Map<List<String>, Integer> interned = new HashMap<>();
      // Combinations of one key share one list object: found by identity, a list is hashed once, not per combination.
      Map<List<String>, Integer> seen = new IdentityHashMap<>();
      seenIn = new int[combinations];
      firstOutcome = new int[combinations];
      outcome = new int[combinations];
      for (int c = 0; c < combinations; c++) {
        List<String> list = lists.get(c);
        Integer id = seen.get(list);
        if (id == null) {
          id = interned.get(list);
          if (id == null) {
            id = outcomes.size();
            interned.put(list, id);
            outcomes.add(list);
          }
          seen.put(list, id);
        }
        outcome[c] = id;
      }
    }

    /**
     * Finds the groups of yes/no facts the list depends on only through whether any of them holds (two facts are in
     * a group when, whatever the other answers, yes/no, no/yes and yes/yes give the same list); keeps the first fact
     * of each group as the question and returns the others, which are then answered "no".
     */
    Set<Integer> mergeAnyOf() {
      int[] parent = IntStream.range(0, facts.size()).toArray();
      for (int f = 0; f < facts.size(); f++) {
        for (int g = f + 1; g < facts.size(); g++) {
          if (yesNo(f) && yesNo(g) && anyOf(f, g)) {
            parent[root(parent, g)] = root(parent, f);
          }
        }
      }
      Set<Integer> others = new java.util.TreeSet<>();
      for (int f = 0; f < facts.size(); f++) {
        int first = root(parent, f);
        if (first != f) {
          anyOf.computeIfAbsent(first, k -> new ArrayList<>()).add(f);
          others.add(f);
        }
      }
      return others;
    }

    private static int root(int[] parent, int f) {
      while (parent[f] != f) {
        f = parent[f];
      }
      return f;
    }

    private boolean yesNo(int fact) {
      return domains.get(fact).get(0).kind() == Answer.Kind.YES;
    }

    private boolean anyOf(int f, int g) {
      for (int c = 0; c < outcome.length; c++) {
        if (digit(c, f) == NO && digit(c, g) == NO) {
          int yesNo = c - NO * strides[g];
          int noYes = c - NO * strides[f];
          int yesYes = c - NO * strides[f] - NO * strides[g];
          if (outcome[yesNo] != outcome[noYes] || outcome[yesNo] != outcome[yesYes]) {
            return false;
          }
        }
      }
      return true;
    }

    int digit(int combination, int fact) {
      return (combination / strides[fact]) % sizes[fact];
    }

    /** The facts of an applicant with one combination of answers, as a submission carries them. */
    Map<String, Object> facts(int combination) {
      Map<String, Object> values = new LinkedHashMap<>();
      for (int i = 0; i < facts.size(); i++) {
        Fact fact = facts.get(i);
        Object value = domains.get(i).get(digit(combination, i)).value();
        if (fact.derivedFrom().isPresent()) {
          // An age of N completed years on the day of application: born N years before it.
          values.put(fact.derivedFrom().get(), asOf.minusYears((Long) value));
        } else {
          values.put(fact.name(), value);
        }
      }
      return values;
    }

    /**
     * The node for these combinations; {@code asked} holds the facts already asked (or answered "no" as part of an
     * "any of" question).
     */
    Node node(int[] combinations, boolean[][] allowed, boolean[] asked) throws TooLarge {
      if (oneOutcome(combinations)) {
        count(2);
        return new Outcome(outcomes.get(outcome[combinations[0]]), facts(combinations[0]));
      }
      int best = plan(combinations, allowed, asked)[1];
      count(1);
      List<List<Integer>> answers = answers(combinations, allowed[best], best);
      List<Branch> branches = new ArrayList<>();
      boolean[] now = asked.clone();
      now[best] = true;
      for (List<Integer> values : answers) {
        boolean[] open = new boolean[allowed[best].length];
        values.forEach(v -> open[v] = true);
        int[] narrowed = narrowed(combinations, best, open);
        boolean[][] next = allowed.clone();
        next[best] = open;
        Answer answer = merged(best, values);
        branches.add(new Branch(answer, node(narrowed, next, now)));
      }
      return new Question(facts.get(best), anyOf.getOrDefault(best, List.of()).stream().map(facts::get).toList(),
          branches);
    }

    /** States of the search for the smallest tree, by their allowed answers; beyond the bound, greedy choices. */
    private final Map<String, int[]> plans = new HashMap<>();
    private static final int MAX_PLANS = 2000;

    /**
     * The smallest number of pages the questions from here can take, and the fact to ask first for it (-1 at an
     * outcome): every fact whose answer can change the list is tried (each state once). Past {@link #MAX_PLANS}
     * states, only the fact whose answer changes the list for the most combinations of the others is tried.
     */
    private int[] plan(int[] combinations, boolean[][] allowed, boolean[] asked) {
      StringBuilder key = new StringBuilder(allowed.length);
      for (int f = 0; f < allowed.length; f++) {
        int mask = asked[f] ? 1 : 0;
        for (int v = 0; v < allowed[f].length; v++) {
          mask |= allowed[f][v] ? 2 << v : 0;
        }
        key.append((char) mask);
      }
      int[] known = plans.get(key.toString());
      if (known != null) {
        return known;
      }
      int[] result;
      if (oneOutcome(combinations)) {
        result = new int[] {2, -1};
      } else {
        int[] candidates = new int[facts.size()];
        int count = 0;
        int mostChanges = 0;
        for (int f = 0; f < facts.size(); f++) {
          int changes = asked[f] ? 0 : changes(combinations, f);
          if (changes == 0) {
            continue;
          }
          if (plans.size() < MAX_PLANS) {
            candidates[count++] = f;
          } else if (changes > mostChanges) {
            candidates[0] = f;
            count = 1;
            mostChanges = changes;
          }
        }
        result = new int[] {Integer.MAX_VALUE, -1};
        for (int i = 0; i < count; i++) {
          int f = candidates[i];
          long size = 1;
          boolean[] now = asked.clone();
          now[f] = true;
          for (List<Integer> values : answers(combinations, allowed[f], f)) {
            boolean[] open = new boolean[allowed[f].length];
            values.forEach(v -> open[v] = true);
            int[] narrowed = narrowed(combinations, f, open);
            boolean[][] next = allowed.clone();
            next[f] = open;
            size += plan(narrowed, next, now)[0];
            if (size >= result[0]) {
              break;
            }
          }
          if (size < result[0]) {
            result = new int[] {(int) size, f};
          }
        }
      }
      plans.put(key.toString(), result);
      return result;
    }

    /** Whether every one of these combinations leads to the same list. */
    private boolean oneOutcome(int[] combinations) {
      int first = outcome[combinations[0]];
      for (int c : combinations) {
        if (outcome[c] != first) {
          return false;
        }
      }
      return true;
    }

    /** The combinations whose answer to the fact is one of the open ones, in their order. */
    private int[] narrowed(int[] combinations, int fact, boolean[] open) {
      int[] narrowed = new int[combinations.length];
      int kept = 0;
      byte[] answers = answerIn[fact];
      if (answers != null) {
        for (int c : combinations) {
          if (open[answers[c]]) {
            narrowed[kept++] = c;
          }
        }
      } else {
        for (int c : combinations) {
          if (open[digit(c, fact)]) {
            narrowed[kept++] = c;
          }
        }
      }
      return java.util.Arrays.copyOf(narrowed, kept);
    }

    private void count(int more) throws TooLarge {
      pages += more;
      if (pages > MAX_PAGES) {
        throw new TooLarge(name + ": the questionnaire would need more than " + MAX_PAGES
            + " pages in each language (the limit; its conditions read too many facts that each change the list)");
      }
    }

    /**
     * Scratch space of {@link #changes}, by the combination with the fact's answer taken out: the call that last saw
     * it, and the outcome seen first then (or -1 once a different one was seen). Reused, so that the search, which
     * asks this for thousands of states, allocates nothing per call.
     */
    private final int[] seenIn;
    private final int[] firstOutcome;
    private int call;

    /** For how many combinations of the other answers this fact's answer changes the list. */
    private int changes(int[] combinations, int fact) {
      call++;
      int changes = 0;
      int stride = strides[fact];
      byte[] answers = answerIn[fact];
      for (int c : combinations) {
        int rest = c - (answers != null ? answers[c] : digit(c, fact)) * stride;
        if (seenIn[rest] != call) {
          seenIn[rest] = call;
          firstOutcome[rest] = outcome[c];
        } else if (firstOutcome[rest] >= 0 && firstOutcome[rest] != outcome[c]) {
          changes++;
          firstOutcome[rest] = -1;
        }
      }
      return changes;
    }

    /**
     * The answers still open for a fact, as lists of value indices: neighbouring age bands that lead to the same
     * list for every combination of the other answers are one answer.
     */
    private List<List<Integer>> answers(int[] combinations, boolean[] allowed, int fact) {
      List<List<Integer>> answers = new ArrayList<>();
      boolean bands = domains.get(fact).get(0).kind() == Answer.Kind.AGE_UNDER;
      for (int v = 0; v < allowed.length; v++) {
        if (!allowed[v]) {
          continue;
        }
        if (bands && !answers.isEmpty()) {
          List<Integer> last = answers.get(answers.size() - 1);
          if (same(combinations, fact, last.get(0), v)) {
            last.add(v);
            continue;
          }
        }
        answers.add(new ArrayList<>(List.of(v)));
      }
      return answers;
    }

    private boolean same(int[] combinations, int fact, int a, int b) {
      for (int c : combinations) {
        if (digit(c, fact) == a) {
          int other = c + (b - a) * strides[fact];
          if (outcome[c] != outcome[other]) {
            return false;
          }
        }
      }
      return true;
    }

    private Answer merged(int fact, List<Integer> values) {
      List<Answer> domain = domains.get(fact);
      Answer first = domain.get(values.get(0));
      if (values.size() == 1) {
        return first;
      }
      Answer last = domain.get(values.get(values.size() - 1));
      return AnswerDomain.band((Long) first.value(), Long.parseLong(last.token().substring(last.token().indexOf('-') + 1)));
    }
  }

  /**
   * The requirements an applicant with these facts and no documents must meet, by code in checklist order: those a
   * check finds missing, and of each "one of" group the documents that would satisfy it (a check with that document
   * alone no longer finds the group missing). Every stage of a multi-stage service is checked.
   */
  static List<String> required(Checker checker, Catalogue snapshot, LocalDate day, Service service, Optional<SubType> subtype,
      List<Optional<String>> stages, Map<String, Object> facts) {
    Map<String, Integer> order = new HashMap<>();
    snapshot.requirementsOf(service.code()).forEach(r -> order.put(r.code(), r.order()));
    TreeSet<String> codes = new TreeSet<>(Comparator.comparing((String code) -> order.getOrDefault(code, 0))
        .thenComparing(Comparator.naturalOrder()));
    for (Optional<String> stage : stages) {
      Submission empty = submission(day, service, subtype, stage, facts, List.of());
      CheckResult result = checker.check(empty);
      for (Finding finding : result.findings()) {
        if (finding.kind() == Kind.MISSING_DOCUMENT && finding.subject().isPresent()) {
          codes.add(finding.subject().get());
        } else if (finding.kind() == Kind.MISSING_ONE_OF && finding.subject().isPresent()) {
          String group = finding.subject().get();
          snapshot.requirementsOf(service.code()).stream()
              .filter(r -> r.group().equals(Optional.of(group)))
              .filter(r -> r.subtype().isEmpty() || r.subtype().equals(subtype.map(SubType::code)))
              .filter(r -> r.stage().isEmpty() || r.stage().equals(stage))
              .filter(r -> checker.check(submission(day, service, subtype, stage, facts, List.of(presented(r))))
                  .findings().stream().noneMatch(f -> f.kind() == Kind.MISSING_ONE_OF
                      && f.subject().equals(Optional.of(group))))
              .forEach(r -> codes.add(r.code()));
        }
      }
    }
    return List.copyOf(codes);
  }

  private static PresentedDocument presented(Requirement requirement) {
    return new PresentedDocument(requirement.document(), Optional.empty(), Optional.empty(), Optional.empty(), false,
        Optional.empty(), false, false, Optional.empty(), false);
  }

  private static Submission submission(LocalDate day, Service service, Optional<SubType> subtype, Optional<String> stage,
      Map<String, Object> facts, List<PresentedDocument> documents) {
    String channel = service.channels().isEmpty() ? "" : service.channels().get(0);
    Recipient recipient = service.recipients().contains(Recipient.INDIVIDUAL) || service.recipients().isEmpty()
        ? Recipient.INDIVIDUAL : service.recipients().get(0);
    return new Submission(Optional.empty(), service.code(), subtype.map(SubType::code), stage, channel, recipient,
        LocalDateTime.of(day, LocalTime.NOON), facts, documents, List.of());
  }

}
