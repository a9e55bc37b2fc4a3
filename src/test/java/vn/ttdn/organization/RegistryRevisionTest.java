package vn.ttdn.organization;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.LocalDate;
import java.util.UUID;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;
import vn.ttdn.IntegrationTest;
import vn.ttdn.organization.OrganizationQueries.UnitRow;
import vn.ttdn.shared.security.Actor;
import vn.ttdn.shared.security.AppRole;

/**
 * The registry revision is kept in memory on each node. A change written by another node (here: a
 * name changed in PostgreSQL and the revision counter moved, as another node's transaction does)
 * is seen after this node's next poll of the counter, which runs in the background.
 */
@IntegrationTest
class RegistryRevisionTest {

	static final LocalDate DAY = LocalDate.of(2026, 1, 15);

	@Autowired
	OrganizationQueries queries;

	@Autowired
	RegistryCache cache;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	Registry registry;

	long newUnit(String name) {
		return registry.createUnit(systemAdmin(), "01",
				new UnitForm(UnitType.DEPARTMENT, name, null, null, null, null, null, null, null, LocalDate.of(2020, 1, 1)))
			.getId();
	}

	static Actor systemAdmin() {
		return new Actor(0, "test", "Test", AppRole.SYSTEM_ADMIN, null, null);
	}

	/** A new unit, created on this node and read once, so that the units of the day are in the cache. */
	long newUnitRead(String name) {
		long id = newUnit(name);
		assertThat(nameOf(id)).isEqualTo(name);
		return id;
	}

	/** What another node does: changes the registry and moves the counter in one transaction. */
	void renameElsewhere(long unitId, String name) {
		jdbc.sql("update unit_name set name = ? where unit_id = ?").params(name, unitId).update();
		jdbc.sql("update registry_revision set revision = revision + 1 where id = 1").update();
	}

	String nameOf(long unitId) {
		return queries.units("01", DAY, null).stream().filter(u -> u.id() == unitId).map(UnitRow::name).findFirst()
			.orElseThrow();
	}

	/** The test framework binds one mock web request to each whole test method; here each read stands for a request of its own. */
	@BeforeEach
	void noRequest() {
		RequestContextHolder.resetRequestAttributes();
	}

	/** Within one web request the registry stays as it was when the request first read it. */
	@Test
	void aRequestSeesOneStateOfTheRegistry() {
		String tag = UUID.randomUUID().toString().substring(0, 6);
		long id = newUnit("Sở Sáu " + tag);
		RequestContextHolder.setRequestAttributes(new ServletRequestAttributes(new MockHttpServletRequest()));
		try {
			assertThat(nameOf(id)).isEqualTo("Sở Sáu " + tag);
			renameElsewhere(id, "Sở Bảy " + tag);
			cache.poll();
			assertThat(nameOf(id)).isEqualTo("Sở Sáu " + tag);
		}
		finally {
			RequestContextHolder.resetRequestAttributes();
		}
		assertThat(nameOf(id)).isEqualTo("Sở Bảy " + tag);
	}

	@Test
	void aWriteOnThisNodeIsSeenAtOnce() {
		String tag = UUID.randomUUID().toString().substring(0, 6);
		long before = cache.revision();
		long id = newUnit("Sở Một " + tag);
		assertThat(cache.revision()).isGreaterThan(before);
		assertThat(nameOf(id)).isEqualTo("Sở Một " + tag);
	}

	@Test
	void anotherNodesChangeIsSeenAfterThePoll() {
		String tag = UUID.randomUUID().toString().substring(0, 6);
		long id = newUnitRead("Sở Hai " + tag);

		renameElsewhere(id, "Sở Ba " + tag);
		cache.poll();
		assertThat(nameOf(id)).isEqualTo("Sở Ba " + tag);
	}

	@Test
	void theBackgroundPollPicksUpAnotherNodesChangeWithinASecondOrSo() {
		String tag = UUID.randomUUID().toString().substring(0, 6);
		long id = newUnitRead("Sở Bốn " + tag);

		renameElsewhere(id, "Sở Năm " + tag);
		await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> assertThat(nameOf(id)).isEqualTo("Sở Năm " + tag));
	}

	/** After a change, many readers of one answer at once (fifty clients on one province) load it once and all get it. */
	@Test
	void readersOfOneAnswerAtOnceLoadItOnce() throws Exception {
		String key = "test|" + UUID.randomUUID();
		var loads = new java.util.concurrent.atomic.AtomicInteger();
		var start = new java.util.concurrent.CountDownLatch(1);
		try (var executor = java.util.concurrent.Executors.newVirtualThreadPerTaskExecutor()) {
			var answers = java.util.stream.IntStream.range(0, 30).mapToObj(i -> executor.submit(() -> {
				start.await();
				return cache.get(key, () -> {
					loads.incrementAndGet();
					try {
						Thread.sleep(200);
					}
					catch (InterruptedException e) {
						Thread.currentThread().interrupt();
					}
					return "answer";
				});
			})).toList();
			start.countDown();
			for (var answer : answers) {
				assertThat(answer.get(10, java.util.concurrent.TimeUnit.SECONDS)).isEqualTo("answer");
			}
		}
		assertThat(loads.get()).isEqualTo(1);
	}

	@Test
	void aWriteThatFailsDoesNotMoveTheRevision() {
		long before = cache.poll();
		try {
			registry.createUnit(systemAdmin(), "no-such-jurisdiction",
					new UnitForm(UnitType.DEPARTMENT, "Sở Không", null, null, null, null, null, null, null, null));
		}
		catch (RuntimeException expected) {
			// refused: the jurisdiction does not exist
		}
		assertThat(cache.revision()).isEqualTo(before);
		assertThat(jdbc.sql("select revision from registry_revision").query(Long.class).single()).isEqualTo(before);
	}
}
