package kz.talap.server;

import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import java.util.Locale;
import java.util.Optional;
import kz.talap.account.Account;
import kz.talap.account.Accounts;
import kz.talap.source.Phrase;

/**
 * Who calls the API: every request under {@code /api/} must carry {@code Authorization: Bearer <token>} of an API
 * client in force (401 otherwise); the client's role decides what it may do (403 otherwise).
 */
final class ApiAccess {
  private static final String CLIENT = "talap.client";
  private final Accounts accounts;

  ApiAccess(Accounts accounts) {
    this.accounts = accounts;
  }

  void guard(RoutesConfig routes) {
    routes.before("/api/*", ctx -> {
      String header = ctx.header("Authorization");
      Optional<Account> client = Optional.empty();
      if (header != null && header.length() > 7 && header.substring(0, 7).toLowerCase(Locale.ROOT).equals("bearer ")) {
        client = accounts.authenticate(header.substring(7).strip());
      }
      if (client.isEmpty()) {
        ctx.header("WWW-Authenticate", "Bearer realm=\"talap\"");
        throw new ApiProblem(401, "unauthorized", Phrase.of("problem.unauthorized"),
            Phrase.of(header == null ? "server.token-missing" : "server.token-unknown"));
      }
      ctx.attribute(CLIENT, client.get());
    });
  }

  /** The API client making the request, which must be allowed {@code permission}. */
  static Account client(Context ctx, Account.Permission permission) {
    Account client = ctx.attribute(CLIENT);
    if (client == null || !client.may(permission)) {
      throw new ApiProblem(403, "forbidden", Phrase.of("problem.forbidden"), Phrase.of("server.client-forbidden",
          "name", client == null ? "?" : client.name(), "role", client == null ? "?" : client.role().code()));
    }
    return client;
  }
}
