package vn.ttdn.reporting;

import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;

import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;
import vn.ttdn.shared.security.Actor;

/**
 * Each user's deadlines as an iCalendar feed (RFC 5545) behind a secret link: a unit's staff get
 * their unit's reports, the coordinating department and leaders every period of the jurisdiction.
 * Making a new link revokes the old one.
 */
@Component
@Transactional
public class CalendarFeed {

	private static final SecureRandom RANDOM = new SecureRandom();
	private static final DateTimeFormatter ICS_DAY = DateTimeFormatter.BASIC_ISO_DATE;

	private final JdbcClient jdbc;
	private final Clock clock;

	CalendarFeed(JdbcClient jdbc, Clock clock) {
		this.jdbc = jdbc;
		this.clock = clock;
	}

	@Transactional(readOnly = true)
	public Optional<String> token(Actor actor) {
		return jdbc.sql("select token from calendar_token where account_id = ? and revoked_at is null")
			.param(actor.accountId())
			.query(String.class)
			.optional();
	}

	/** A new secret link; the previous one stops working. */
	public String renew(Actor actor) {
		revoke(actor);
		byte[] bytes = new byte[24];
		RANDOM.nextBytes(bytes);
		String token = HexFormat.of().formatHex(bytes);
		jdbc.sql("insert into calendar_token (token, account_id, created_at) values (?, ?, ?)")
			.params(token, actor.accountId(), java.sql.Timestamp.from(Instant.now(clock)))
			.update();
		return token;
	}

	public void revoke(Actor actor) {
		jdbc.sql("update calendar_token set revoked_at = ? where account_id = ? and revoked_at is null")
			.params(java.sql.Timestamp.from(Instant.now(clock)), actor.accountId())
			.update();
	}

	record Deadline(long periodId, @Nullable Long reportId, String title, LocalDate lastOnTimeDay, LocalDate dueBefore) {
	}

	/** The feed of a live token, or nothing (unknown or revoked tokens look the same). */
	@Transactional(readOnly = true)
	public Optional<String> feed(String token, String baseUrl) {
		record Owner(long id, String role, @Nullable String jurisdictionCode, @Nullable Long unitId) {
		}
		if (!token.matches("[0-9a-f]{48}")) {
			return Optional.empty();
		}
		Optional<Owner> owner = jdbc.sql("""
				select a.id, a.role, a.jurisdiction_code, a.unit_id from calendar_token t join account a on a.id = t.account_id
				where t.token = ? and t.revoked_at is null and a.enabled""")
			.param(token)
			.query(Owner.class)
			.optional();
		return owner.map(o -> {
			List<Deadline> deadlines = o.unitId() != null && (o.role().equals("UNIT_HEAD") || o.role().equals("UNIT_OFFICER"))
					? jdbc.sql("""
							select p.id as period_id, r.id as report_id, p.title, p.last_on_time_day, p.due_before
							from report r join reporting_period p on p.id = r.period_id where r.unit_id = ? order by p.due_before""")
						.param(o.unitId())
						.query(Deadline.class)
						.list()
					: jdbc.sql("""
							select p.id as period_id, null::bigint as report_id, p.title, p.last_on_time_day, p.due_before
							from reporting_period p where p.jurisdiction_code = ? or ? order by p.due_before""")
						.params(o.jurisdictionCode(), o.role().equals("SYSTEM_ADMIN"))
						.query(Deadline.class)
						.list();
			return ics(deadlines, baseUrl);
		});
	}

	static String ics(List<Deadline> deadlines, String baseUrl) {
		String stamp = DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'").withZone(java.time.ZoneOffset.UTC).format(Instant.now());
		var out = new StringBuilder("BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:-//TTDN//Reporting//VI\r\nCALSCALE:GREGORIAN\r\n")
			.append("X-WR-CALNAME:Hạn báo cáo TTĐN\r\n");
		for (Deadline d : deadlines) {
			String link = baseUrl + (d.reportId() != null ? "/reports/" + d.reportId() : "/reporting/periods/" + d.periodId());
			out.append("BEGIN:VEVENT\r\n")
				.append("UID:ttdn-period-").append(d.periodId()).append(d.reportId() != null ? "-report-" + d.reportId() : "")
				.append("@ttdn\r\n")
				.append("DTSTAMP:").append(stamp).append("\r\n")
				.append("DTSTART;VALUE=DATE:").append(ICS_DAY.format(d.lastOnTimeDay())).append("\r\n")
				.append("DTEND;VALUE=DATE:").append(ICS_DAY.format(d.dueBefore())).append("\r\n")
				.append(fold("SUMMARY:" + escape("Hạn gửi: " + d.title()))).append("\r\n")
				.append(fold("DESCRIPTION:" + escape("Hạn gửi trước ngày " + Reminders.DAY.format(d.dueBefore()) + ". " + link)))
				.append("\r\n")
				.append(fold("URL:" + link)).append("\r\n")
				.append("END:VEVENT\r\n");
		}
		return out.append("END:VCALENDAR\r\n").toString();
	}

	private static String escape(String text) {
		return text.replace("\\", "\\\\").replace(";", "\\;").replace(",", "\\,").replace("\n", "\\n");
	}

	/** Lines longer than 75 octets are folded (RFC 5545 §3.1), never inside a character. */
	static String fold(String line) {
		var out = new StringBuilder();
		int octets = 0;
		for (int i = 0; i < line.length();) {
			int cp = line.codePointAt(i);
			int size = new String(Character.toChars(cp)).getBytes(java.nio.charset.StandardCharsets.UTF_8).length;
			if (octets + size > 74) {
				out.append("\r\n ");
				octets = 1;
			}
			out.appendCodePoint(cp);
			octets += size;
			i += Character.charCount(cp);
		}
		return out.toString();
	}
}
