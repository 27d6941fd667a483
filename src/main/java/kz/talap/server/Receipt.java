package kz.talap.server;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import kz.talap.check.CheckResult;
import kz.talap.check.CheckResult.Verdict;
import kz.talap.model.Catalogue;
import kz.talap.model.Channel;
import kz.talap.model.Document;
import kz.talap.model.Language;
import kz.talap.model.Service;

/**
 * The receipt for the applicant, in the applicant's language: the documents accepted and the due date, or the refusal
 * to accept an incomplete package with what is missing or invalid and why. The refusal cites the Law of the RK "On
 * public services" No. 88-V, art. 20, para. 2 (the provider refuses to accept an incomplete package or documents
 * whose validity has expired).
 */
final class Receipt {
  private Receipt() {}

  /**
   * The receipt in the applicant's language: the documents accepted and the due date, or the refusal to accept an
   * incomplete package with what is missing or invalid and why, each with its norm.
   */
  static Map<String, Object> of(CheckResult result, Catalogue now, Language lang, List<Map<String, Object>> listed) {
    Map<String, Object> receipt = new LinkedHashMap<>();
    boolean complete = result.verdict() == Verdict.COMPLETE;
    receipt.put("complete", complete);
    Service service = now.service(result.submission().service()).orElseThrow();
    receipt.put("service", service.name().in(lang));
    result.submission().subtype().flatMap(s -> now.subTypes().stream().filter(st -> st.code().equals(s)).findFirst())
        .ifPresent(s -> receipt.put("subtype", s.name().in(lang)));
    receipt.put("provider", service.provider().in(lang));
    now.channels().stream().filter(c -> c.code().equals(result.submission().channel())).findFirst()
        .map(Channel::name).ifPresent(n -> receipt.put("channel", n.in(lang)));
    receipt.put("submittedAt", Counter.dotted(result.submission().submittedOn()) + " "
        + result.submission().submittedAt().toLocalTime());
    List<Map<String, Object>> accepted = new ArrayList<>();
    int number = 1;
    for (var document : result.submission().documents()) {
      Map<String, Object> row = new LinkedHashMap<>();
      row.put("number", number++);
      row.put("name", now.document(document.code()).map(Document::name).map(n -> n.in(lang)).orElse(document.code()));
      row.put("original", document.originalShown());
      accepted.add(row);
    }
    receipt.put("documents", accepted);
    receipt.put("reasons", CounterModel.findings(result, lang, true));
    result.due().ifPresent(due -> {
      receipt.put("due", Counter.dotted(due.due()));
      receipt.put("dueCitation", due.term().citation().and(kz.talap.calendar.DueDate.COUNTING_CITATION, "; ").in(lang));
    });
    BigDecimal paid = result.submission().payments().stream().map(p -> p.amountKzt())
        .reduce(BigDecimal.ZERO, BigDecimal::add);
    if (paid.signum() > 0) {
      receipt.put("paid", lang.number(paid) + " ₸");
    }
    receipt.put("catalogueVersion", now.version());
    receipt.put("number", number(result, now));
    return receipt;
  }

  /**
   * The receipt's number: the same package, time and catalogue always give the same number, and different ones
   * practically never the same (the first 40 bits of a SHA-256), until the journal (issue 13) numbers receipts.
   */
  static String number(CheckResult result, Catalogue now) {
    try {
      java.security.MessageDigest digest = java.security.MessageDigest.getInstance("SHA-256");
      digest.update((now.version() + "\n" + kz.talap.json.SubmissionJson.write(result.submission()))
          .getBytes(java.nio.charset.StandardCharsets.UTF_8));
      String hex = java.util.HexFormat.of().formatHex(digest.digest()).toUpperCase(java.util.Locale.ROOT);
      return hex.substring(0, 5) + "-" + hex.substring(5, 10);
    } catch (java.security.NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
