package kz.talap.server;

import kz.talap.source.Phrase;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import kz.talap.account.Account;
import kz.talap.account.Accounts;
import kz.talap.account.Sessions;
import kz.talap.model.Language;

/**
 * The admin's page of accounts: every member of staff and API client with role, office and state, and a form to
 * disable a member of staff (which ends their open sessions) or revoke a client's token. Adding accounts and setting
 * passwords stay on the command line ({@code talap user}, {@code talap token}), where no password crosses the network.
 */
final class AccountsPage {
  private final Accounts accounts;
  private final Sessions sessions;
  private final Pages pages;

  AccountsPage(Accounts accounts, Sessions sessions, Pages pages) {
    this.accounts = accounts;
    this.sessions = sessions;
    this.pages = pages;
  }

  void routes(RoutesConfig routes) {
    routes.get(Counter.PREFIX + "/{lang}/accounts", this::list);
    routes.post(Counter.PREFIX + "/{lang}/accounts/staff/{name}/disable", this::disable);
    routes.post(Counter.PREFIX + "/{lang}/accounts/clients/{name}/revoke", this::revoke);
  }

  private void list(Context ctx) {
    SignIn.account(ctx, Account.Permission.MANAGE_ACCOUNTS);
    Language lang = language(ctx);
    Map<String, Object> model = JournalPage.common(ctx, lang, "accounts", "/accounts");
    model.put("staff", rows(accounts.staff()));
    model.put("clients", rows(accounts.clients()));
    ctx.contentType("text/html; charset=utf-8").result(pages.render("counter/accounts.ftlh", model));
  }

  private void disable(Context ctx) {
    Account admin = SignIn.account(ctx, Account.Permission.MANAGE_ACCOUNTS);
    String name = ctx.pathParam("name");
    if (name.equals(admin.name())) {
      throw new ApiProblem(409, "own-account", Phrase.of("problem.not-done"), Phrase.of("server.own-account"));
    }
    try {
      accounts.disable(name);
    } catch (Accounts.Problem e) {
      throw new ApiProblem(404, "not-found", Phrase.of("problem.no-account"), Phrase.plain(e.getMessage()));
    }
    sessions.endAll(name);
    ctx.redirect(Counter.PREFIX + "/" + language(ctx).code() + "/accounts", HttpStatus.SEE_OTHER);
  }

  private void revoke(Context ctx) {
    SignIn.account(ctx, Account.Permission.MANAGE_ACCOUNTS);
    try {
      accounts.revokeClient(ctx.pathParam("name"));
    } catch (Accounts.Problem e) {
      throw new ApiProblem(404, "not-found", Phrase.of("problem.no-client"), Phrase.plain(e.getMessage()));
    }
    ctx.redirect(Counter.PREFIX + "/" + language(ctx).code() + "/accounts", HttpStatus.SEE_OTHER);
  }

  private static List<Map<String, Object>> rows(List<Account> list) {
    List<Map<String, Object>> rows = new ArrayList<>();
    for (Account account : list) {
      Map<String, Object> row = new LinkedHashMap<>();
      row.put("name", account.name());
      row.put("role", account.role().code());
      row.put("office", account.office());
      row.put("disabled", account.disabled());
      rows.add(row);
    }
    return rows;
  }

  private static Language language(Context ctx) {
    return Language.parse(ctx.pathParam("lang").toLowerCase(Locale.ROOT)).orElseThrow(() ->
        new ApiProblem(404, "not-found", "No such page", "no counter in language '" + ctx.pathParam("lang") + "'"));
  }
}
