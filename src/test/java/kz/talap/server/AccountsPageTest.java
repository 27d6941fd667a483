package kz.talap.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import kz.talap.account.Account;
import kz.talap.account.Accounts;
import kz.talap.journal.Journal;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The admin's accounts page through HTTP: admins only, CSRF on its forms, disabling ends the sessions. */
class AccountsPageTest {
  private static final Pattern TOKEN = Pattern.compile("name=\"csrf\" value=\"([^\"]+)\"");
  private static final Limits LIMITS = new Limits(64 * 1024, 256 * 1024, 5, Duration.ofSeconds(5));

  @TempDir
  Path folder;

  @Test
  void onlyAnAdmin_seesTheAccounts_andDisablesAClerk_endingTheirSession() throws Exception {
    try (Journal journal = Http.journal(folder); Server server = Http.shipped(LIMITS, journal)) {
      Http.staff(journal, "aliya", Account.Role.ADMIN, "HQ");
      Http.staff(journal, "dana", Account.Role.CLERK, "ALM-01");
      Http.staff(journal, "saule", Account.Role.SUPERVISOR, "ALM-01");
      Http.token(journal, "egov-bridge", Account.Role.CLERK, "AST-02");
      Http http = new Http(server.port());
      String clerk = http.signIn("dana", Http.PASSWORD);
      String supervisor = http.signIn("saule", Http.PASSWORD);
      String admin = http.signIn("aliya", Http.PASSWORD);

      assertEquals(303, http.get("/counter/en/accounts").statusCode());
      assertEquals(403, http.get("/counter/en/accounts", clerk).statusCode());
      assertEquals(403, http.get("/counter/en/accounts", supervisor).statusCode());
      assertFalse(http.get("/counter/en/", clerk).body().contains("/counter/en/accounts"));
      String clerkToken = token(http.get("/counter/en/", clerk).body());
      assertEquals(403, http.form("/counter/en/accounts/staff/saule/disable", clerk, "csrf=" + clerkToken)
          .statusCode());

      HttpResponse<String> page = http.get("/counter/en/accounts", admin);
      assertEquals(200, page.statusCode(), page.body());
      assertTrue(page.body().contains("<tr><td>dana</td><td>clerk</td><td>ALM-01</td><td>Active</td>"), page.body());
      assertTrue(page.body().contains("<tr><td>egov-bridge</td><td>clerk</td><td>AST-02</td><td>Active</td>"),
          page.body());
      assertEquals(403, http.form("/counter/en/accounts/staff/dana/disable", admin, "").statusCode());
      HttpResponse<String> disabled = http.form("/counter/en/accounts/staff/dana/disable", admin,
          "csrf=" + token(page.body()));
      assertEquals(303, disabled.statusCode(), disabled.body());
      assertTrue(http.get("/counter/en/accounts", admin).body()
          .contains("<tr><td>dana</td><td>clerk</td><td>ALM-01</td><td>Disabled</td>"));
      assertEquals(303, http.get("/counter/en/", clerk).statusCode());
      assertTrue(new Accounts(journal.accounts()).staff("dana").orElseThrow().disabled());
    }
  }

  private static String token(String page) {
    Matcher matcher = TOKEN.matcher(page);
    assertTrue(matcher.find(), page);
    return matcher.group(1);
  }
}
