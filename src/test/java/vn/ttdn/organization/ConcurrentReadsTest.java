package vn.ttdn.organization;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import vn.ttdn.IntegrationTest;

/** Many readers at once, more than the connection pool holds, all get their answer. */
@IntegrationTest
class ConcurrentReadsTest {

	@Autowired
	OrganizationQueries queries;

	@Autowired
	JdbcClient jdbc;

	@Test
	void sixtyReadersAtOnceWithATwentyConnectionPool() throws Exception {
		List<Long> units = jdbc.sql("select id from unit order by id limit 60").query(Long.class).list();
		try (var executor = Executors.newFixedThreadPool(units.size())) {
			List<Future<OrganizationQueries.UnitDetails>> answers = units.stream()
				// a different day per unit, so that none is answered from the cache
				.map(id -> executor.submit(() -> queries.details(id, LocalDate.of(2024, 1, 1).plusDays(id))))
				.toList();
			for (var answer : answers) {
				assertThat(answer.get(20, TimeUnit.SECONDS).unit()).isNotNull();
			}
		}
	}
}
