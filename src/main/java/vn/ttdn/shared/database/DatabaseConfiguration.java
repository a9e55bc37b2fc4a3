package vn.ttdn.shared.database;


import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import vn.ttdn.shared.TtdnProperties;

/**
 * PostgreSQL everywhere: the server named by {@code TTDN_DATABASE_URL} when it is set, otherwise an
 * embedded PostgreSQL whose data stays under {@code ./data/postgres} across restarts.
 */
@Configuration(proxyBeanMethods = false)
class DatabaseConfiguration {

	@Bean(destroyMethod = "close")
	HikariDataSource dataSource(TtdnProperties properties) {
		var db = properties.database();
		var config = new HikariConfig();
		config.setPoolName("ttdn");
		config.setMaximumPoolSize(Integer.getInteger("ttdn.pool.size", 20));
		if (db.isExternal()) {
			config.setJdbcUrl(db.url());
			config.setUsername(db.user());
			config.setPassword(db.password());
		}
		else {
			var postgres = EmbeddedPostgresServer.obtain(properties.dataDir().resolve("postgres"),
					db.embedded().clean());
			config.setJdbcUrl(postgres.getJdbcUrl("postgres", EmbeddedPostgresServer.DATABASE));
		}
		// Batched inserts (imports, demo and generated data) sent as multi-row statements.
		config.addDataSourceProperty("reWriteBatchedInserts", "true");
		return new HikariDataSource(config);
	}

}
