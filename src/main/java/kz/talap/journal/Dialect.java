package kz.talap.journal;

import com.zaxxer.hikari.HikariConfig;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;

/** What differs between the databases the journal runs on; the SQL of the migrations and queries is shared. */
enum Dialect {
  SQLITE {
    @Override
    void configure(HikariConfig config) {
      // WAL lets the journal page read while a check is written; synchronous=FULL syncs the WAL at every commit, so a
      // recorded check survives a killed process and a power cut. Writers queue for up to 10 s, then fail.
      config.addDataSourceProperty("journal_mode", "WAL");
      config.addDataSourceProperty("synchronous", "FULL");
      config.addDataSourceProperty("busy_timeout", "10000");
      config.setMaximumPoolSize(4);
    }

    @Override
    String byId() {
      return "id";
    }
  },
  POSTGRESQL {
    @Override
    void configure(HikariConfig config) {
      // A commit returns only once the server has flushed it, whatever the server's own default says.
      config.setConnectionInitSql("SET synchronous_commit = on");
      config.setMaximumPoolSize(8);
    }

    @Override
    String byId() {
      // Byte order, as SQLite sorts text, whatever the database's locale.
      return "id COLLATE \"C\"";
    }
  };

  static final String SQLITE_PREFIX = "jdbc:sqlite:";
  static final String POSTGRESQL_PREFIX = "jdbc:postgresql:";

  abstract void configure(HikariConfig config);

  /** The ORDER BY term that breaks ties between checks recorded in the same millisecond. */
  abstract String byId();

  /** The dialect of a JDBC URL; a plain path is a SQLite file. */
  static Dialect of(String url) {
    if (url.startsWith(SQLITE_PREFIX)) {
      return SQLITE;
    }
    if (url.startsWith(POSTGRESQL_PREFIX)) {
      return POSTGRESQL;
    }
    throw new IllegalArgumentException("'" + redact(url) + "' is neither a SQLite file nor a jdbc:sqlite: or "
        + "jdbc:postgresql: URL");
  }

  /** The JDBC URL for what the user wrote: a URL as it is, a path as a SQLite file. */
  static String url(String location) {
    return location.startsWith("jdbc:") ? location : SQLITE_PREFIX + location;
  }

  /**
   * Creates the folder and the file of a new SQLite journal, so that the default {@code data/talap.db} needs no
   * set-up; both readable by the owner only (the file holds personal data and password hashes; SQLite gives its
   * {@code -wal} and {@code -shm} files the same permissions).
   */
  static void prepare(String url) throws IOException {
    if (!url.startsWith(SQLITE_PREFIX)) {
      return;
    }
    String file = url.substring(SQLITE_PREFIX.length());
    int query = file.indexOf('?');
    file = query < 0 ? file : file.substring(0, query);
    if (file.isEmpty() || file.equals(":memory:") || file.startsWith("file:")) {
      return;
    }
    Path path = Path.of(file).toAbsolutePath();
    Path parent = path.getParent();
    boolean posix = path.getFileSystem().supportedFileAttributeViews().contains("posix");
    if (parent != null && !Files.isDirectory(parent)) {
      Files.createDirectories(parent);
      if (posix) {
        Files.setPosixFilePermissions(parent, PosixFilePermissions.fromString("rwx------"));
      }
    }
    if (!Files.exists(path)) {
      // An empty file is an empty SQLite database.
      if (posix) {
        Files.createFile(path, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
      } else {
        Files.createFile(path);
      }
    }
  }

  /** The URL without a password, for messages. */
  static String redact(String url) {
    return url.replaceAll("(?i)(password=)[^&;]*", "$1***").replaceAll("//[^/@]*:[^/@]*@", "//***@");
  }
}
