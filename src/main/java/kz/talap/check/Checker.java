package kz.talap.check;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import kz.talap.calendar.DueDate;
import kz.talap.calendar.WorkingCalendar;
import kz.talap.check.CheckResult.Verdict;
import kz.talap.check.Finding.Kind;
import kz.talap.check.Finding.Severity;
import kz.talap.check.Submission.Payment;
import kz.talap.check.Submission.PresentedDocument;
import kz.talap.model.Catalogue;
import kz.talap.model.Category;
import kz.talap.model.Channel;
import kz.talap.model.Document;
import kz.talap.model.Enums.FactType;
import kz.talap.model.Enums.Issuer;
import kz.talap.model.Enums.MoneyUnit;
import kz.talap.model.Enums.Origin;
import kz.talap.model.Enums.RuleKind;
import kz.talap.model.Enums.ServiceStatus;
import kz.talap.model.Enums.TermKind;
import kz.talap.model.Enums.TermUnit;
import kz.talap.model.Fact;
import kz.talap.model.Fee;
import kz.talap.model.Group;
import kz.talap.model.Requirement;
import kz.talap.model.Rule;
import kz.talap.model.Service;
import kz.talap.model.SubType;
import kz.talap.model.Term;
import kz.talap.model.Text;
import kz.talap.model.Validity;

/** Checks submissions against a compiled catalogue: which documents are due, whether they are valid, and the fee. */
public final class Checker {
  /** The parameter fees in MCI are multiplied by. */
  public static final String MCI = "MCI";
  /**
   * A country group whose official documents need no legalisation under a treaty (the Minsk Convention on legal
   * assistance of 22.01.1993, art. 13), if the catalogue declares one.
   */
  public static final String LEGALISATION_EXEMPT = "LEGALISATION_EXEMPT";
  /** The parties to the Hague Convention of 5 October 1961: their documents need an apostille, not legalisation. */
  public static final String APOSTILLE = "APOSTILLE";
  /** Findings that bar acceptance of any package, not just of this one: the verdict is NOT_ACCEPTED. */
  private static final Set<Kind> BARS = Set.of(Kind.SERVICE_NOT_IN_FORCE, Kind.DRAFT_SERVICE, Kind.STAY_EXPIRED,
      Kind.LATE_AFTER_16TH_BIRTHDAY);
  /** The online channel: documents are uploaded as electronic copies, so no original is shown. */
  public static final String PORTAL = "PORTAL";
  private static final Set<String> STATE_LANGUAGES = Set.of("kk", "ru");

  private final Catalogue catalogue;
  private final WorkingCalendar calendar;
  private final Messages messages = Messages.get();
  /** The rows in force and the country-group lists, worked out once per submission day. */
  private final Map<LocalDate, Day> byDay = new HashMap<>();
  private final Deadlines deadlines;
  public Checker(Catalogue catalogue) {
    this.catalogue = catalogue;
    this.calendar = new WorkingCalendar(catalogue.calendar());
    this.deadlines = new Deadlines(calendar);
  }

  public CheckResult check(Submission submission) {
    LocalDate day = submission.submittedOn();
    // One view per period in which no row starts or ends: a batch spread over many days needs only a few.
    Day today = byDay.computeIfAbsent(catalogue.periodStart(day), d -> new Day(catalogue.at(day)));
    Catalogue now = today.catalogue();
    List<Finding> findings = new ArrayList<>();
    Optional<Service> found = now.service(submission.service());
    if (found.isEmpty()) {
      Service any = catalogue.service(submission.service())
          .orElseThrow(() -> new IllegalArgumentException("unknown service " + submission.service()));
      findings.add(notInForce(any.code(), any.name(), any.citation(), catalogue.serviceVersions(any.code()).stream()
          .map(Service::validity).toList(), day));
      return new CheckResult(submission, Verdict.NOT_ACCEPTED, Requirement.STANDARD, findings, Optional.empty());
    }
    Service service = found.get();
    if (service.status() == ServiceStatus.DRAFT) {
      findings.add(finding(Severity.ERROR, Kind.DRAFT_SERVICE, service.code(), null, service.citation(),
          "DRAFT_SERVICE", Map.of("service", service.name())));
    }
    Values values = new Values(submission, today);
    eligibility(submission, now, service, values, findings);
    channel(submission, now, service, findings);
    String set = applicantSet(today, service, values);
    List<Requirement> due = new ArrayList<>();
    for (Requirement r : today.candidates(submission)) {
      if ((r.applicantSets().isEmpty() || r.applicantSets().contains(set))
          && (r.condition().isEmpty() || values.holds(r.condition().get()))) {
        due.add(r);
      }
    }
    documents(submission, now, today, due, findings);
    fees(submission, today, findings);
    deadlines.check(submission, today, catalogue, findings);
    boolean complete = true;
    boolean barred = false;
    for (Finding finding : findings) {
      if (finding.severity() == Severity.ERROR) {
        complete = false;
        barred |= BARS.contains(finding.kind());
      }
    }
    Optional<DueDate> result = complete ? dueDate(submission, today) : Optional.empty();
    Verdict verdict = barred ? Verdict.NOT_ACCEPTED : complete ? Verdict.COMPLETE : Verdict.INCOMPLETE;
    return new CheckResult(submission, verdict, set, findings, result);
  }

  /**
   * The values conditions see, looked up when a condition reads them: facts as given, yes/no facts not given as
   * false, age from the birth date, and the day's country-group lists. A condition written in many rows is
   * evaluated once per submission.
   */
  private static final class Values extends java.util.AbstractMap<String, Object> {
    private final Submission submission;
    private final Day today;
    private final Map<String, Boolean> held = new HashMap<>();
    private Map<String, Object> all;

    Values(Submission submission, Day today) {
      this.submission = submission;
      this.today = today;
    }

    boolean holds(kz.talap.condition.Condition condition) {
      Boolean known = held.get(condition.source());
      if (known == null) {
        known = today.holds(condition, this);
        held.put(condition.source(), known);
      }
      return known;
    }

    @Override
    public Object get(Object name) {
      Fact fact = today.declared.get(name);
      if (fact == null) {
        return today.lists.get(name);
      }
      Object value = submission.facts().get(name);
      if (value == null && fact.derivedFrom().isPresent()
          && submission.facts().get(fact.derivedFrom().get()) instanceof LocalDate birth) {
        value = (long) birth.until(submission.submittedOn()).getYears();
      }
      if (value == null && fact.type() == FactType.BOOL) {
        value = Boolean.FALSE;
      }
      return fact.type() == FactType.DATE ? null : value;
    }

    @Override
    public boolean containsKey(Object name) {
      return get(name) != null;
    }

    @Override
    public java.util.Set<Map.Entry<String, Object>> entrySet() {
      if (all == null) {
        Map<String, Object> values = new HashMap<>();
        for (Fact fact : today.catalogue().facts()) {
          Object value = get(fact.name());
          if (value != null) {
            values.put(fact.name(), value);
          }
        }
        all = values;
      }
      return all.entrySet();
    }
  }

  private void eligibility(Submission submission, Catalogue now, Service service, Values values,
      List<Finding> findings) {
    if (service.eligibility().isPresent() && !values.holds(service.eligibility().get())) {
      findings.add(finding(Severity.ERROR, Kind.NOT_ELIGIBLE, service.code(), null, service.citation(),
          "NOT_ELIGIBLE", Map.of("service", service.name(),
              "explanation", service.eligibilityExplanation().orElse(service.name()))));
    }
    if (submission.subtype().isEmpty()) {
      return;
    }
    Optional<SubType> subtype = now.subType(submission.subtype().get());
    if (subtype.isEmpty()) {
      SubType any = catalogue.subType(submission.subtype().get())
          .orElseThrow(() -> new IllegalArgumentException("unknown sub-type " + submission.subtype()));
      findings.add(notInForce(any.code(), any.name(), any.citation(), catalogue.subTypeVersions(any.code()).stream()
          .map(SubType::validity).toList(), submission.submittedOn()));
    } else if (subtype.get().eligibility().isPresent() && !values.holds(subtype.get().eligibility().get())) {
      findings.add(finding(Severity.ERROR, Kind.NOT_ELIGIBLE, subtype.get().code(), null, subtype.get().citation(),
          "NOT_ELIGIBLE", Map.of("service", subtype.get().name(),
              "explanation", subtype.get().eligibilityExplanation().orElse(subtype.get().name()))));
    }
  }

  /** Not in force on the day: ended (the last version ended before it), or not yet in force. */
  private Finding notInForce(String code, Text name, Text citation, List<Validity> versions, LocalDate day) {
    Optional<LocalDate> ended = versions.stream().map(Validity::to).flatMap(Optional::stream)
        .filter(to -> to.isBefore(day)).max(Comparator.naturalOrder());
    Optional<LocalDate> starts = versions.stream().map(Validity::from).flatMap(Optional::stream)
        .filter(from -> from.isAfter(day)).min(Comparator.naturalOrder());
    if (ended.isPresent()) {
      return finding(Severity.ERROR, Kind.SERVICE_NOT_IN_FORCE, code, null, citation, "SERVICE_ENDED",
          Map.of("service", name, "date", day, "to", ended.get()));
    }
    if (starts.isPresent()) {
      return finding(Severity.ERROR, Kind.SERVICE_NOT_IN_FORCE, code, null, citation, "SERVICE_NOT_YET",
          Map.of("service", name, "date", day, "from", starts.get()));
    }
    return finding(Severity.ERROR, Kind.SERVICE_NOT_IN_FORCE, code, null, citation, "SERVICE_NOT_IN_FORCE",
        Map.of("service", name, "date", day));
  }

  private void channel(Submission submission, Catalogue now, Service service, List<Finding> findings) {
    if (!service.channels().contains(submission.channel())) {
      findings.add(finding(Severity.ERROR, Kind.CHANNEL_NOT_OFFERED, service.code(), null, service.citation(),
          "CHANNEL_NOT_OFFERED", Map.of("service", service.name(), "channel", channelName(now, submission.channel()),
              "channels", join(service.channels().stream().map(c -> channelName(now, c)).toList(), "; "))));
    }
    if (!service.recipients().contains(submission.recipient())) {
      String key = "recipient." + submission.recipient().name();
      findings.add(finding(Severity.ERROR, Kind.RECIPIENT_NOT_SERVED, service.code(), null, service.citation(),
          "RECIPIENT_NOT_SERVED", Map.of("service", service.name(), "recipient", messages.text(key, Map.of()))));
    }
  }

  private static Text channelName(Catalogue now, String code) {
    return now.channel(code).map(Channel::name)
        .orElse(new Text(code, code, code));
  }

  /** The first category (by order) whose condition holds decides the document set; otherwise the standard set. */
  private static String applicantSet(Day today, Service service, Values values) {
    for (Category category : today.categories(service.code())) {
      if (values.holds(category.condition())) {
        return category.code();
      }
    }
    return Requirement.STANDARD;
  }

  /** The translation and legalisation rules of the submission's service: looked up once, not per document. */
  private record DocumentRules(Optional<Rule> translation, Optional<Rule> legalisation) {}

  private void documents(Submission submission, Catalogue now, Day today, List<Requirement> due,
      List<Finding> findings) {
    DocumentRules rules = new DocumentRules(
        today.rule(submission.service(), submission.subtype(), RuleKind.TRANSLATION),
        today.rule(submission.service(), submission.subtype(), RuleKind.LEGALISATION));
    Map<String, List<PresentedDocument>> presented = new LinkedHashMap<>();
    submission.documents().forEach(d -> presented.computeIfAbsent(d.code(), c -> new ArrayList<>()).add(d));
    Set<String> groupsDone = new LinkedHashSet<>();
    for (Requirement requirement : due) {
      if (requirement.group().isPresent()) {
        String code = requirement.group().get();
        if (groupsDone.add(code)) {
          group(submission, today, code, due, presented, rules, findings);
        }
      } else if (!presented.containsKey(requirement.document())) {
        findings.add(finding(Severity.ERROR, Kind.MISSING_DOCUMENT, requirement.code(), requirement.document(),
            requirement.citation(), "MISSING_DOCUMENT", Map.of("document", documentName(now, requirement.document()))));
      } else {
        presented.get(requirement.document())
            .forEach(d -> properties(submission, today, requirement, d, rules, findings));
      }
    }
    Set<String> required = new LinkedHashSet<>();
    due.forEach(r -> required.add(r.document()));
    for (String code : presented.keySet()) {
      if (!required.contains(code)) {
        findings.add(finding(Severity.INFO, Kind.NOT_REQUIRED, null, code, serviceCitation(now, submission),
            "NOT_REQUIRED", Map.of("document", documentName(now, code))));
      }
    }
  }

  private void group(Submission submission, Day today, String code, List<Requirement> due,
      Map<String, List<PresentedDocument>> presented, DocumentRules rules, List<Finding> findings) {
    Catalogue now = today.catalogue();
    List<Requirement> members = due.stream().filter(r -> r.group().equals(Optional.of(code))).toList();
    List<Requirement> given = members.stream().filter(r -> presented.containsKey(r.document())).toList();
    Group group = now.group(code).orElseThrow();
    if (given.isEmpty()) {
      findings.add(finding(Severity.ERROR, Kind.MISSING_ONE_OF, code, null, group.citation(), "MISSING_ONE_OF",
          Map.of("group", group.name(),
              "documents", join(members.stream().map(r -> documentName(now, r.document())).toList(), "; "))));
    }
    for (Requirement requirement : given) {
      presented.get(requirement.document())
          .forEach(d -> properties(submission, today, requirement, d, rules, findings));
    }
  }

  /** Validity, age, original, translation and legalisation of one presented document. */
  private void properties(Submission submission, Day today, Requirement requirement, PresentedDocument document,
      DocumentRules rules, List<Finding> findings) {
    Catalogue now = today.catalogue();
    LocalDate day = submission.submittedOn();
    Text name = documentName(now, document.code());
    String code = requirement.code();
    Text citation = requirement.citation();
    if (document.validUntil().isPresent() && document.validUntil().get().isBefore(day)) {
      findings.add(finding(Severity.ERROR, Kind.EXPIRED, code, document.code(), citation, "EXPIRED",
          Map.of("document", name, "date", document.validUntil().get())));
    } else if (requirement.minValidityDays().isPresent()) {
      int days = requirement.minValidityDays().getAsInt();
      // "More than N days" on the application day: the last valid day is at least day + N + 1.
      LocalDate least = day.plusDays(days + 1L);
      if (document.validUntil().isEmpty()) {
        findings.add(finding(Severity.ERROR, Kind.VALIDITY_TOO_SHORT, code, document.code(), citation,
            "VALID_UNTIL_NOT_GIVEN", Map.of("document", name, "days", (long) days)));
      } else if (document.validUntil().get().isBefore(least)) {
        findings.add(finding(Severity.ERROR, Kind.VALIDITY_TOO_SHORT, code, document.code(), citation,
            "VALIDITY_TOO_SHORT", Map.of("document", name, "date", document.validUntil().get(),
                "days", (long) days, "min_date", least)));
      }
    }
    if (requirement.maxAgeDays().isPresent()) {
      int days = requirement.maxAgeDays().getAsInt();
      LocalDate earliest = day.minusDays(days);
      if (document.issuedOn().isEmpty()) {
        findings.add(finding(Severity.ERROR, Kind.ISSUED_TOO_LONG_AGO, code, document.code(), citation,
            "ISSUED_ON_NOT_GIVEN", Map.of("document", name, "days", (long) days)));
      } else if (document.issuedOn().get().isBefore(earliest)) {
        findings.add(finding(Severity.ERROR, Kind.ISSUED_TOO_LONG_AGO, code, document.code(), citation,
            "ISSUED_TOO_LONG_AGO", Map.of("document", name, "date", document.issuedOn().get(),
                "days", (long) days, "min_date", earliest)));
      }
    }
    if (requirement.originalShown() && !document.originalShown() && !submission.channel().equals(PORTAL)) {
      findings.add(finding(Severity.ERROR, Kind.ORIGINAL_NOT_SHOWN, code, document.code(), citation,
          "ORIGINAL_NOT_SHOWN", Map.of("document", name)));
    }
    Optional<Rule> translation = rules.translation();
    if (translation.isPresent() && document.language().isPresent()
        && !STATE_LANGUAGES.contains(document.language().get()) && !document.notarisedTranslation()) {
      String language = document.language().get();
      findings.add(finding(Severity.ERROR, Kind.NO_TRANSLATION, translation.get().code(), document.code(),
          translation.get().citation(), "NO_TRANSLATION",
          Map.of("document", name, "language", new Text(language, language, language))));
    }
    rules.legalisation().ifPresent(rule -> legalisation(now, today, rule, document, name, findings));
  }

  /**
   * Documents drawn up by or with foreign authorities are accepted only when legalised (Consular Charter, para 60),
   * unless a ratified treaty says otherwise: none is needed for the parties to the Minsk Convention of 1993 (art. 13),
   * and an apostille replaces legalisation for the parties to the Hague Convention of 1961. Documents of companies,
   * insurers and persons are never legalised.
   */
  private void legalisation(Catalogue now, Day today, Rule rule, PresentedDocument document, Text name,
      List<Finding> findings) {
    Optional<String> foreign = foreignCountry(now, document);
    Issuer issuer = now.document(document.code()).map(Document::issuer).orElse(Issuer.EITHER);
    if (foreign.isEmpty() || document.legalised() || issuer == Issuer.PRIVATE
        || document.issuer().filter(i -> i == Issuer.PRIVATE).isPresent()) {
      return;
    }
    String code = foreign.get();
    if (!code.isEmpty() && today.member(LEGALISATION_EXEMPT, code).isPresent()) {
      return;
    }
    Text country = countryText(code);
    Optional<kz.talap.model.CountryGroupMember> hague = code.isEmpty() ? Optional.empty()
        : today.member(APOSTILLE, code);
    if (hague.isPresent() && document.apostille()) {
      return;
    }
    boolean stated = issuer == Issuer.AUTHORITY || document.issuer().isPresent();
    String key = hague.isPresent() ? "NOT_APOSTILLED" : document.apostille() ? "APOSTILLE_NOT_ENOUGH" : "NOT_LEGALISED";
    Text citation = hague.map(m -> rule.citation().and(m.citation(), "; ")).orElse(rule.citation());
    findings.add(finding(stated ? Severity.ERROR : Severity.WARNING,
        hague.isPresent() ? Kind.NOT_APOSTILLED : Kind.NOT_LEGALISED, rule.code(), document.code(), citation,
        stated ? key : key + "_IF_AUTHORITY", Map.of("document", name, "country", country)));
  }

  private static Text countryText(String code) {
    String shown = code.isEmpty() ? "?" : code;
    return new Text(shown, shown, shown);
  }


  /** The issuing country of a document issued abroad ("" if unknown), or empty for a Kazakh document. */
  private static Optional<String> foreignCountry(Catalogue now, PresentedDocument document) {
    if (now.document(document.code()).map(Document::noLegalisation).orElse(false)) {
      return Optional.empty();
    }
    Origin origin = now.document(document.code()).map(Document::origin).orElse(Origin.ANY);
    return switch (origin) {
      case FOREIGN -> Optional.of(document.issuedIn().filter(c -> !c.equals("KZ")).orElse(""));
      case ANY -> document.issuedIn().filter(c -> !c.equals("KZ"));
      case KZ, APPLICANT -> Optional.empty();
    };
  }

  private void fees(Submission submission, Day today, List<Finding> findings) {
    LocalDate day = submission.submittedOn();
    List<Fee> fees = today.fees(submission.service(), submission.subtype());
    BigDecimal paidTotal = submission.payments().stream().map(Payment::amountKzt)
        .reduce(BigDecimal.ZERO, BigDecimal::add);
    if (!fees.isEmpty() && fees.stream().allMatch(Fee::free)) {
      if (!submission.payments().isEmpty()) {
        findings.add(finding(Severity.INFO, Kind.PAYMENT_NOT_NEEDED, fees.get(0).code(), null,
            fees.get(0).citation(), "PAYMENT_NOT_NEEDED", Map.of("paid", paidTotal)));
      }
      return;
    }
    for (Fee fee : fees) {
      if (fee.free()) {
        continue;
      }
      List<Payment> inTime = new ArrayList<>();
      for (Payment payment : submission.payments()) {
        if (payment.paidOn().isAfter(day)) {
          findings.add(finding(Severity.ERROR, Kind.PAYMENT_AFTER_SUBMISSION, fee.code(), null, fee.citation(),
              "PAYMENT_AFTER_SUBMISSION", Map.of("paid", payment.amountKzt(),
                  "date", payment.paidOn(), "submitted", day)));
        } else {
          inTime.add(payment);
        }
      }
      BigDecimal paid = inTime.stream().map(Payment::amountKzt).reduce(BigDecimal.ZERO, BigDecimal::add);
      if (fee.unit() == MoneyUnit.KZT) {
        if (paid.compareTo(fee.amount()) < 0) {
          findings.add(finding(Severity.ERROR, inTime.isEmpty() ? Kind.FEE_MISSING : Kind.FEE_TOO_LOW, fee.code(),
              null, fee.citation(), inTime.isEmpty() ? "FEE_MISSING_KZT" : "FEE_TOO_LOW_KZT",
              Map.of("paid", paid, "amount", fee.amount())));
        }
        continue;
      }
      // Each payment counts at the MCI in force on the day it was made (Tax Code: the duty is set on that day).
      BigDecimal paidMci = BigDecimal.ZERO;
      for (Payment payment : inTime) {
        BigDecimal mci = mci(payment.paidOn());
        paidMci = paidMci.add(payment.amountKzt().divide(mci, MathContext.DECIMAL64));
      }
      if (paidMci.compareTo(fee.amount()) < 0) {
        BigDecimal mciToday = mci(day);
        Map<String, ?> args = Map.of("paid", paid,
            "paid_mci", paidMci.setScale(2, RoundingMode.DOWN),
            "amount", fee.amount(), "kzt", fee.amount().multiply(mciToday),
            "mci", mciToday, "date", day);
        findings.add(finding(Severity.ERROR, inTime.isEmpty() ? Kind.FEE_MISSING : Kind.FEE_TOO_LOW, fee.code(),
            null, fee.citation(), inTime.isEmpty() ? "FEE_MISSING" : "FEE_TOO_LOW", args));
      }
    }
  }

  private BigDecimal mci(LocalDate day) {
    return catalogue.parameter(MCI, day).orElseThrow(
        () -> new IllegalArgumentException("the catalogue has no MCI value for " + day)).amount();
  }

  private Optional<DueDate> dueDate(Submission submission, Day today) {
    Catalogue now = today.catalogue();
    // A term of one stage (the 45-day review of a multi-stage pilot) is not the due date of the other stages.
    return today.term(submission.service(), submission.subtype(), TermKind.SERVICE)
        .filter(t -> t.stage().isEmpty() || t.stage().equals(submission.stage()))
        .filter(t -> t.unit() != TermUnit.MINUTES && t.unit() != TermUnit.HOURS)
        .map(t -> DueDate.of(t, submission.submittedAt(), now, submission.channel(), calendar));
  }

  private static Text serviceCitation(Catalogue now, Submission submission) {
    return now.service(submission.service()).map(Service::citation).orElse(new Text("", "", ""));
  }

  private static Text documentName(Catalogue now, String code) {
    return now.document(code).map(Document::name).orElse(new Text(code, code, code));
  }


  private static Text join(List<Text> texts, String separator) {
    return new Text(String.join(separator, texts.stream().map(Text::kk).toList()),
        String.join(separator, texts.stream().map(Text::ru).toList()),
        String.join(separator, texts.stream().map(Text::en).toList()));
  }

  private static Finding finding(Severity severity, Kind kind, String subject, String document, Text citation,
      String key, Map<String, ?> args) {
    return Finding.of(severity, kind, Optional.ofNullable(subject), Optional.ofNullable(document), citation, key,
        args);
  }
}
