package vn.ttdn.reporting;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import org.jspecify.annotations.Nullable;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Decides the reminders (đôn đốc) of a day and queues them: an e-mail to the unit's focal officer
 * (000 Art. 27.2) and head, a notice in the application to the unit's accounts, and for the
 * coordinating department a digest of what is overdue. Each reminder is a row with a unique key
 * (report, occasion, channel, recipient), inserted together with its mail or notice in one
 * statement: whichever node plans a day first creates it, and every later run, on any node or
 * after a restart, finds it there and does nothing.
 */
@Component
public class Reminders {

	static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("dd/MM/yyyy");

	private final JdbcClient jdbc;
	private final ReminderSettings settings;
	private final Clock clock;
	private final String baseUrl;

	Reminders(JdbcClient jdbc, ReminderSettings settings, Clock clock,
			@Value("${ttdn.reminders.base-url:http://localhost:8080}") String baseUrl) {
		this.jdbc = jdbc;
		this.settings = settings;
		this.clock = clock;
		this.baseUrl = baseUrl;
	}

	/** A report not yet sent, with what decides its reminders. */
	record Pending(long reportId, long unitId, String unitName, long periodId, String jurisdictionCode, String title,
			LocalDate dueBefore, LocalDate lastOnTimeDay) {
	}

	/** Why a reminder goes out on {@code day}: "BEFORE_7" … "BEFORE_1", "OVERDUE_1", "OVERDUE_4" …, or none. */
	static @Nullable String occasion(ReminderSettings.Setting setting, LocalDate dueBefore, LocalDate lastOnTimeDay, LocalDate day) {
		long before = day.until(dueBefore, ChronoUnit.DAYS);
		if (before >= 1) {
			return setting.daysBefore().contains((int) before) ? "BEFORE_" + before : null;
		}
		long late = lastOnTimeDay.until(day, ChronoUnit.DAYS);
		return late >= 1 && late <= ReminderSettings.OVERDUE_DAYS && (late - 1) % setting.overdueEvery() == 0
				? "OVERDUE_" + late : null;
	}

	/** One reminder to queue. */
	record Item(String key, @Nullable Long reportId, String jurisdictionCode, String occasion, String channel,
			String recipient, String subject, String body, String link, @Nullable Long accountId) {
	}

	/** Plans and queues the reminders of {@code day}; returns how many were new. Safe to run any number of times, on any node. */
	@Transactional
	public int plan(LocalDate day) {
		List<Pending> pending = jdbc.sql("""
				select r.id as report_id, r.unit_id, coalesce(n.name, '#' || r.unit_id) as unit_name, p.id as period_id,
				  p.jurisdiction_code, p.title, p.due_before,
				  p.last_on_time_day
				from report r join reporting_period p on p.id = r.period_id
				left join unit_name n on n.unit_id = r.unit_id and n.valid_to is null
				where r.first_submitted_on is null and not r.exempt
				  and p.due_before between :from and :to""")
			.param("from", day.minusDays(ReminderSettings.OVERDUE_DAYS + 1))
			.param("to", day.plusDays(61))
			.query(Pending.class)
			.list();
		Map<String, ReminderSettings.Setting> all = settings.all();
		Map<Pending, String> due = new LinkedHashMap<>();
		for (Pending p : pending) {
			String occasion = occasion(all.getOrDefault(p.jurisdictionCode(), ReminderSettings.DEFAULT), p.dueBefore(),
					p.lastOnTimeDay(), day);
			if (occasion != null) {
				due.put(p, occasion);
			}
		}
		if (due.isEmpty()) {
			return 0;
		}
		Long[] units = due.keySet().stream().map(Pending::unitId).distinct().toArray(Long[]::new);
		Map<Long, Set<String>> emails = unitEmails(units, day);
		Map<Long, List<Long>> accounts = unitAccounts(units);
		List<Item> items = new ArrayList<>();
		Map<String, List<Pending>> overdue = new LinkedHashMap<>();
		for (var e : due.entrySet()) {
			Pending p = e.getKey();
			String occasion = e.getValue();
			String subject = subject(p, occasion);
			String link = "/reports/" + p.reportId();
			String body = body(p, occasion, link);
			String prefix = "R:" + p.reportId() + ":" + occasion + ":";
			for (String email : emails.getOrDefault(p.unitId(), Set.of())) {
				items.add(new Item(prefix + "EMAIL:" + email, p.reportId(), p.jurisdictionCode(), occasion, "EMAIL", email,
						subject, body, link, null));
			}
			for (long account : accounts.getOrDefault(p.unitId(), List.of())) {
				items.add(new Item(prefix + "APP:" + account, p.reportId(), p.jurisdictionCode(), occasion, "APP",
						String.valueOf(account), subject, body, link, account));
			}
			if (occasion.startsWith("OVERDUE_")) {
				overdue.computeIfAbsent(p.jurisdictionCode(), j -> new ArrayList<>()).add(p);
			}
		}
		overdue.forEach((jurisdiction, reports) -> items.addAll(digest(jurisdiction, reports, day)));
		return queue(items, day);
	}

	private static String subject(Pending p, String occasion) {
		return occasion.startsWith("BEFORE_")
				? "Nhắc hạn: «" + p.title() + "» hạn gửi trước ngày " + DAY.format(p.dueBefore())
				: "Đôn đốc: «" + p.title() + "» đã quá hạn " + occasion.substring("OVERDUE_".length()) + " ngày";
	}

	private String body(Pending p, String occasion, String link) {
		String when = occasion.startsWith("BEFORE_")
				? "Hạn gửi báo cáo là trước ngày " + DAY.format(p.dueBefore()) + " (còn " + occasion.substring(7) + " ngày)."
				: "Hạn gửi báo cáo là trước ngày " + DAY.format(p.dueBefore()) + "; đơn vị đã chậm "
						+ occasion.substring(8) + " ngày.";
		return "Kính gửi " + p.unitName() + ",\n\n" + "Báo cáo «" + p.title() + "» của đơn vị chưa được gửi. " + when
				+ "\nĐề nghị đơn vị hoàn thành và gửi báo cáo tại: " + baseUrl + link + "\n\n"
				+ "Thư này được gửi tự động từ hệ thống quản lý hoạt động thông tin đối ngoại.";
	}

	/** The coordinating department's digest of the day: every overdue report of the jurisdiction that was reminded today. */
	private List<Item> digest(String jurisdiction, List<Pending> reports, LocalDate day) {
		String subject = "Tổng hợp ngày " + DAY.format(day) + ": " + reports.size() + " báo cáo quá hạn";
		var body = new StringBuilder("Các đơn vị chưa gửi báo cáo đã quá hạn:\n\n");
		for (Pending p : reports) {
			body.append("- ").append(p.unitName()).append(": «").append(p.title()).append("», chậm ")
				.append(p.lastOnTimeDay().until(day, ChronoUnit.DAYS)).append(" ngày\n");
		}
		String link = "/reporting/compliance?jurisdiction=" + jurisdiction + "&year=" + reports.getFirst().dueBefore().getYear();
		body.append("\nXem tình hình báo cáo: ").append(baseUrl).append(link).append('\n');
		String prefix = "D:" + jurisdiction + ":" + day + ":";
		List<Item> items = new ArrayList<>();
		record Admin(long id, @Nullable String email) {
		}
		for (Admin a : jdbc.sql("select id, email from account where role = 'JURISDICTION_ADMIN' and jurisdiction_code = ? and enabled order by id")
			.param(jurisdiction)
			.query(Admin.class)
			.list()) {
			if (a.email() != null && !a.email().isBlank()) {
				String email = a.email().toLowerCase(Locale.ROOT);
				items.add(new Item(prefix + "EMAIL:" + email, null, jurisdiction, "DIGEST", "EMAIL", email, subject,
						body.toString(), link, null));
			}
			items.add(new Item(prefix + "APP:" + a.id(), null, jurisdiction, "DIGEST", "APP", String.valueOf(a.id()), subject,
					body.toString(), link, a.id()));
		}
		return items;
	}

	/** The e-mail addresses of each unit's focal officers and head in post on {@code day}, and of its head's account. */
	private Map<Long, Set<String>> unitEmails(Long[] units, LocalDate day) {
		Map<Long, Set<String>> emails = new HashMap<>();
		jdbc.sql("""
				select unit_id, lower(email) from person
				where unit_id = any(:units) and post in ('FOCAL_OFFICER', 'LEADER') and email is not null and email <> ''
				  and (valid_from is null or valid_from <= :day) and (valid_to is null or valid_to >= :day)
				union
				select unit_id, lower(email) from account
				where unit_id = any(:units) and role = 'UNIT_HEAD' and enabled and email is not null and email <> ''
				order by 1, 2""")
			.param("units", units)
			.param("day", day)
			.query(rs -> {
				emails.computeIfAbsent(rs.getLong(1), u -> new LinkedHashSet<>()).add(rs.getString(2));
			});
		return emails;
	}

	/** The accounts of each unit's staff, who see reminders in the application. */
	private Map<Long, List<Long>> unitAccounts(Long[] units) {
		Map<Long, List<Long>> accounts = new HashMap<>();
		jdbc.sql("select unit_id, id from account where unit_id = any(?) and role in ('UNIT_HEAD', 'UNIT_OFFICER') and enabled order by id")
			.param(units)
			.query(rs -> {
				accounts.computeIfAbsent(rs.getLong(1), u -> new ArrayList<>()).add(rs.getLong(2));
			});
		return accounts;
	}

	private int queue(List<Item> all, LocalDate day) {
		Map<String, Item> unique = new LinkedHashMap<>();
		all.forEach(i -> unique.putIfAbsent(i.key(), i));
		List<Item> items = List.copyOf(unique.values());
		java.sql.Timestamp now = java.sql.Timestamp.from(Instant.now(clock));
		return jdbc.sql("""
				with input as (
				  select * from unnest(:keys::text[], :reports::bigint[], :jurisdictions::text[], :occasions::text[],
				    :channels::text[], :recipients::text[], :subjects::text[], :bodies::text[], :links::text[], :accounts::bigint[])
				    as t(k, report_id, jurisdiction_code, occasion, channel, recipient, subject, body, link, account_id)),
				ins as (
				  insert into reminder (dedup_key, report_id, jurisdiction_code, occasion, on_day, channel, recipient, created_at)
				  select k, report_id, jurisdiction_code, occasion, :day, channel, recipient, :now from input
				  on conflict (dedup_key) do nothing returning id, dedup_key),
				mail as (
				  insert into mail_outbox (reminder_id, recipient, subject, body, created_at, next_attempt_at)
				  select ins.id, i.recipient, i.subject, i.body, :now, :now from ins join input i on i.k = ins.dedup_key
				  where i.channel = 'EMAIL' returning 1),
				app as (
				  insert into notification (account_id, reminder_id, text, link, created_at)
				  select i.account_id, ins.id, i.subject, i.link, :now from ins join input i on i.k = ins.dedup_key
				  where i.channel = 'APP' returning 1)
				select (select count(*) from ins)""")
			.param("keys", items.stream().map(Item::key).toArray(String[]::new))
			.param("reports", items.stream().map(Item::reportId).toArray(Long[]::new))
			.param("jurisdictions", items.stream().map(Item::jurisdictionCode).toArray(String[]::new))
			.param("occasions", items.stream().map(Item::occasion).toArray(String[]::new))
			.param("channels", items.stream().map(Item::channel).toArray(String[]::new))
			.param("recipients", items.stream().map(Item::recipient).toArray(String[]::new))
			.param("subjects", items.stream().map(Item::subject).toArray(String[]::new))
			.param("bodies", items.stream().map(Item::body).toArray(String[]::new))
			.param("links", items.stream().map(Item::link).toArray(String[]::new))
			.param("accounts", items.stream().map(Item::accountId).toArray(Long[]::new))
			.param("day", day)
			.param("now", now)
			.query(Integer.class)
			.single();
	}
}
