package kz.talap.journal;

import static org.junit.jupiter.api.Assertions.fail;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.UUID;
import org.junit.jupiter.api.Assumptions;

/**
 * The databases the journal tests run against: a SQLite file in a temporary folder, and a fresh database on the
 * PostgreSQL server that {@code .ci/run} starts ({@code TALAP_TEST_PG_URL}, see {@code .ci/postgres}). Without that
 * server the PostgreSQL cases fail when {@code CI} is set and are skipped otherwise.
 */
public enum TestDatabase {
  SQLITE,
  POSTGRESQL;

  public static final String PG_ENV = "TALAP_TEST_PG_URL";

  /** A new, empty database of this kind; {@link #drop(String)} it after the test. */
  public String create(Path folder) {
    if (this == SQLITE) {
      return Dialect.SQLITE_PREFIX + folder.resolve("journal-" + UUID.randomUUID() + ".db");
    }
    String server = server();
    String name = "talap_" + UUID.randomUUID().toString().replace("-", "");
    try (Connection c = DriverManager.getConnection(server); Statement s = c.createStatement()) {
      s.execute("CREATE DATABASE " + name);
    } catch (SQLException e) {
      fail("cannot create a database on " + server + ": " + e.getMessage());
    }
    return server.replaceFirst("/[^/?]+(\\?|$)", "/" + name + "$1");
  }

  /** Drops a PostgreSQL database made by {@link #create(Path)}; SQLite files go with their temporary folder. */
  public void drop(String url) {
    if (this == SQLITE) {
      return;
    }
    String name = url.replaceFirst("^.*/([^/?]+)(\\?.*)?$", "$1");
    try (Connection c = DriverManager.getConnection(server()); Statement s = c.createStatement()) {
      s.execute("DROP DATABASE IF EXISTS " + name + " WITH (FORCE)");
    } catch (SQLException e) {
      fail("cannot drop " + name + ": " + e.getMessage());
    }
  }

  /** The URL of the test server's own database; fails under CI and skips elsewhere if there is none to reach. */
  public static String server() {
    String url = System.getenv(PG_ENV);
    String problem = null;
    if (url == null || url.isBlank()) {
      problem = PG_ENV + " is not set (source .ci/postgres to start a test server)";
    } else {
      try (Connection c = DriverManager.getConnection(url)) {
        return url;
      } catch (SQLException e) {
        problem = "cannot reach PostgreSQL at " + url + ": " + e.getMessage();
      }
    }
    if (System.getenv("CI") != null) {
      fail("CI is set, so the PostgreSQL tests must run: " + problem);
    }
    Assumptions.abort(problem);
    return null;
  }
}
