package vn.ttdn.reporting;

import java.time.Clock;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;
import vn.ttdn.shared.UserError;
import vn.ttdn.shared.security.Actor;

/** When each jurisdiction reminds (đôn đốc): days before the due date, then every few days while a report is overdue. */
@Component
@Transactional
public class ReminderSettings {

	/** Until a jurisdiction sets its own: 7, 3 and 1 days before, then every 3 days. */
	static final Setting DEFAULT = new Setting(List.of(7, 3, 1), 3);

	/** How long overdue reports are still chased. */
	static final int OVERDUE_DAYS = 60;

	public record Setting(List<Integer> daysBefore, int overdueEvery) {
	}

	private final JdbcClient jdbc;
	private final Clock clock;

	ReminderSettings(JdbcClient jdbc, Clock clock) {
		this.jdbc = jdbc;
		this.clock = clock;
	}

	@Transactional(readOnly = true)
	public Setting of(String jurisdiction) {
		return all().getOrDefault(jurisdiction, DEFAULT);
	}

	@Transactional(readOnly = true)
	Map<String, Setting> all() {
		return jdbc.sql("select jurisdiction_code, days_before, overdue_every from reminder_setting")
			.query((rs, i) -> Map.entry(rs.getString(1), new Setting(parse(rs.getString(2)), rs.getInt(3))))
			.list()
			.stream()
			.collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue));
	}

	/** Sets a jurisdiction's reminder days from text such as "7, 3, 1" and a number of days between overdue reminders. */
	public Setting set(Actor actor, String jurisdiction, @Nullable String daysBefore, int overdueEvery) {
		if (!actor.canManage(jurisdiction)) {
			throw new AccessDeniedException("reminders of " + jurisdiction);
		}
		List<Integer> days;
		try {
			days = daysBefore == null || daysBefore.isBlank() ? List.of() : parse(daysBefore);
		}
		catch (NumberFormatException e) {
			throw new UserError("error.reminders.invalid");
		}
		if (days.size() > 10 || days.stream().anyMatch(d -> d < 1 || d > 60) || overdueEvery < 1 || overdueEvery > 60) {
			throw new UserError("error.reminders.invalid");
		}
		String text = days.stream().distinct().sorted(java.util.Comparator.reverseOrder()).map(String::valueOf)
			.collect(Collectors.joining(","));
		jdbc.sql("""
				insert into reminder_setting (jurisdiction_code, days_before, overdue_every, updated_by, updated_at)
				values (?, ?, ?, ?, ?) on conflict (jurisdiction_code)
				do update set days_before = excluded.days_before, overdue_every = excluded.overdue_every,
				  updated_by = excluded.updated_by, updated_at = excluded.updated_at""")
			.params(jurisdiction, text, overdueEvery, actor.username(), java.sql.Timestamp.from(Instant.now(clock)))
			.update();
		return new Setting(parse(text), overdueEvery);
	}

	private static List<Integer> parse(String text) {
		return text.isBlank() ? List.of() : Arrays.stream(text.split("[,;\\s]+")).filter(s -> !s.isEmpty()).map(Integer::valueOf).toList();
	}
}
