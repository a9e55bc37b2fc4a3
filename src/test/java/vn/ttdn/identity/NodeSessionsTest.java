package vn.ttdn.identity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestBuilders.formLogin;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.Duration;
import java.time.Instant;
import java.util.UUID;

import jakarta.servlet.http.Cookie;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.session.jdbc.JdbcIndexedSessionRepository;
import org.springframework.test.web.servlet.MockMvc;
import vn.ttdn.IntegrationTest;
import vn.ttdn.shared.security.AppRole;

/**
 * Sessions are kept in PostgreSQL for all nodes, with a short-lived copy on each node. The
 * application in the test is one node; a second {@link NodeSessions} over the same database plays
 * another node, whose poll of the changes the test runs by hand.
 */
@IntegrationTest
class NodeSessionsTest {

	@Autowired
	MockMvc mvc;

	@Autowired
	AccountService accounts;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	JdbcIndexedSessionRepository store;

	@Autowired
	NodeSessions thisNode;

	NodeSessions otherNode;

	@BeforeEach
	void otherNode() {
		// polled by hand; a long interval, so that its copies count as current however slow the test is
		otherNode = new NodeSessions(store, jdbc, Duration.ofMinutes(5), Duration.ofMinutes(1));
		otherNode.poll();
	}

	String newAccount() {
		String username = "ns." + UUID.randomUUID().toString().substring(0, 8);
		accounts.create(username, "MatKhau2026x", "Cán bộ thử", null, AppRole.LEADER, "01", null, false);
		return username;
	}

	Cookie signIn(String username) throws Exception {
		Cookie cookie = mvc.perform(formLogin().user(username).password("MatKhau2026x")).andExpect(redirectedUrl("/"))
			.andReturn().getResponse().getCookie("SESSION");
		assertThat(cookie).isNotNull();
		return cookie;
	}

	String sessionId(String username) {
		return jdbc.sql("select session_id from spring_session where principal_name = ?").param(username)
			.query(String.class).single().strip();
	}

	long changes() {
		return jdbc.sql("select count(*) from session_change").query(Long.class).single();
	}

	/** Signing out on one node ends the session on the other at its next poll; until then the other may still serve it. */
	@Test
	void aSignOutOnOneNodeEndsTheSessionOnTheOther() throws Exception {
		String username = newAccount();
		Cookie session = signIn(username);
		String id = sessionId(username);
		var there = otherNode.findById(id);
		assertThat(there).isNotNull();
		assertThat(there.<SecurityContext>getAttribute("SPRING_SECURITY_CONTEXT").getAuthentication().getName()).isEqualTo(username);

		mvc.perform(post("/logout").cookie(session).with(csrf())).andExpect(redirectedUrl("/login?logout"));
		// this node forgets it at once
		mvc.perform(get("/org/01").cookie(session).accept(org.springframework.http.MediaType.TEXT_HTML))
			.andExpect(redirectedUrl("/login"));
		assertThat(thisNode.findById(id)).isNull();
		// the other node still has its copy until it polls, then reads PostgreSQL and finds nothing
		assertThat(otherNode.findById(id)).isNotNull();
		otherNode.poll();
		assertThat(otherNode.findById(id)).isNull();
	}

	/** A change to a session's attributes on one node reaches the other at its next poll. */
	@Test
	void aChangedAttributeReachesTheOtherNode() throws Exception {
		String username = newAccount();
		signIn(username);
		String id = sessionId(username);
		assertThat(otherNode.findById(id).<Object>getAttribute("note")).isNull();

		var here = thisNode.findById(id);
		here.setAttribute("note", "đã đổi");
		thisNode.save(here);

		otherNode.poll();
		assertThat(otherNode.findById(id).<String>getAttribute("note")).isEqualTo("đã đổi");
	}

	/**
	 * Pages that change nothing but the last access write nothing to PostgreSQL and announce nothing;
	 * a minute after the stored last access, the last access alone is written.
	 */
	@Test
	void readingPagesWritesNothingUntilTheLastAccessIsAMinuteOld() throws Exception {
		String username = newAccount();
		Cookie session = signIn(username);
		// the first page makes the session's CSRF token for the sign-out form: a change
		mvc.perform(get("/org/01").cookie(session)).andExpect(status().isOk());
		String id = sessionId(username);
		long stored = lastAccess(id);
		long changesBefore = changes();
		for (int i = 0; i < 3; i++) {
			mvc.perform(get("/org/01").cookie(session)).andExpect(status().isOk())
				.andExpect(content().string(containsString("data-testid=\"unit-tree\"")));
		}
		assertThat(changes()).isEqualTo(changesBefore);
		assertThat(lastAccess(id)).isEqualTo(stored);

		var read = thisNode.findById(id);
		read.setLastAccessedTime(Instant.ofEpochMilli(stored).plusSeconds(30));
		thisNode.save(read);
		assertThat(read.changed()).isFalse();
		assertThat(lastAccess(id)).isEqualTo(stored);

		read = thisNode.findById(id);
		Instant later = Instant.ofEpochMilli(stored).plus(NodeSessions.ACCESS_WRITTEN_EVERY).plusSeconds(1);
		read.setLastAccessedTime(later);
		thisNode.save(read);
		assertThat(lastAccess(id)).isEqualTo(later.toEpochMilli());
		assertThat(jdbc.sql("select expiry_time from spring_session where session_id = ?").param(id).query(Long.class).single())
			.isEqualTo(later.plus(Duration.ofMinutes(30)).toEpochMilli());
		assertThat(changes()).isEqualTo(changesBefore);
	}

	/** A kept copy is not used past the session's timeout by the last access stored: the store ends the session. */
	@Test
	void aSessionPastItsTimeoutIsNotServedFromTheCopy() throws Exception {
		var created = thisNode.createSession();
		created.setMaxInactiveInterval(Duration.ofSeconds(1));
		created.setAttribute("note", "x");
		thisNode.save(created);
		String id = created.getId();
		assertThat(otherNode.findById(id)).isNotNull();
		Thread.sleep(1_300);
		otherNode.poll(); // nothing changed: the copy is current, but the session is over
		assertThat(otherNode.findById(id)).isNull();
		assertThat(jdbc.sql("select count(*) from spring_session where session_id = ?").param(id).query(Long.class).single())
			.isZero();
	}

	long lastAccess(String id) {
		return jdbc.sql("select last_access_time from spring_session where session_id = ?").param(id)
			.query(Long.class).single();
	}
}
