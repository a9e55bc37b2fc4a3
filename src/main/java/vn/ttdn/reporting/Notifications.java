package vn.ttdn.reporting;

import java.time.Clock;
import java.time.Instant;
import java.util.List;

import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import vn.ttdn.shared.security.Actor;

/** Reminders shown in the application, to the account they were addressed to. */
@Component
public class Notifications {

	private final JdbcClient jdbc;
	private final Clock clock;

	Notifications(JdbcClient jdbc, Clock clock) {
		this.jdbc = jdbc;
		this.clock = clock;
	}

	public record Notice(long id, String text, @Nullable String link, Instant createdAt, @Nullable Instant readAt) {
	}

	public List<Notice> recent(Actor actor) {
		return jdbc.sql("select id, text, link, created_at, read_at from notification where account_id = ? order by created_at desc, id desc limit 20")
			.param(actor.accountId())
			.query(Notice.class)
			.list();
	}

	public void markRead(Actor actor) {
		jdbc.sql("update notification set read_at = ? where account_id = ? and read_at is null")
			.params(java.sql.Timestamp.from(Instant.now(clock)), actor.accountId())
			.update();
	}
}
