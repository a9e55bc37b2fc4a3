package vn.ttdn.reporting;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Demonstration data for the reporting regime: the periods of 2025 and 2026 of every jurisdiction,
 * opened from its rules, with a realistic mix of unit reports (accepted on time, accepted late,
 * returned, missing), all marked as demonstration data. Deterministic: the same units fall in the
 * same group on every installation.
 */
@Component
public class ReportingDemo {

	private final JdbcClient jdbc;
	private final ReportingPeriods periods;
	private final ReportForms forms;
	private final Clock clock;

	ReportingDemo(JdbcClient jdbc, ReportingPeriods periods, ReportForms forms, Clock clock) {
		this.jdbc = jdbc;
		this.periods = periods;
		this.forms = forms;
		this.clock = clock;
	}

	record Owed(long id, long unitId, long formId, LocalDate lastOnTimeDay, String jurisdictionCode) {
	}

	@Transactional
	public void load(List<String> jurisdictions, List<Integer> years) {
		for (String j : jurisdictions) {
			for (int year : years) {
				periods.generate(j, year, "demo", true);
			}
		}
		LocalDate today = LocalDate.now(clock);
		List<Owed> owed = jdbc.sql("""
				select r.id, r.unit_id, p.form_id, p.last_on_time_day, p.jurisdiction_code from report r
				join reporting_period p on p.id = r.period_id where p.demo and p.last_on_time_day < ? and r.status = 'DRAFT'
				order by r.id""")
			.param(today)
			.query(Owed.class)
			.list();
		for (Owed r : owed) {
			int group = (int) ((r.unitId() * 7 + r.lastOnTimeDay().getMonthValue() * 3 + r.lastOnTimeDay().getYear()) % 20);
			if (group < 3) {
				continue; // missing
			}
			LocalDate submitted = group < 6 ? r.lastOnTimeDay().plusDays(group) : r.lastOnTimeDay().minusDays(group % 9);
			if (submitted.isAfter(today)) {
				continue;
			}
			ReportForm form = forms.form(r.formId()).form();
			fill(r, form, group);
			ReportStatus end = group == 6 || group == 7 ? ReportStatus.RETURNED : ReportStatus.ACCEPTED;
			jdbc.sql("update report set status = ?, first_submitted_on = ?, status_changed_at = ? where id = ?")
				.params(end.name(), submitted, at(submitted.plusDays(2)), r.id())
				.update();
			event(r.id(), submitted, "demo.donvi", ReportStatus.DRAFT, ReportStatus.SUBMITTED, null);
			event(r.id(), submitted.plusDays(2), "demo.dieuphoi", ReportStatus.SUBMITTED, end,
					end == ReportStatus.RETURNED ? "Đề nghị bổ sung số liệu kinh phí và đánh giá hạn chế, nguyên nhân." : null);
		}
	}

	private void fill(Owed r, ReportForm form, int group) {
		Map<String, BigDecimal> values = new LinkedHashMap<>();
		for (int i = 0; i < form.indicators().size(); i++) {
			var indicator = form.indicators().get(i);
			long base = (r.unitId() * 31 + i * 17 + group) % 12;
			values.put(indicator.code(), BigDecimal.valueOf(indicator.isMoney() ? (base + 1) * 25_000_000L : base));
		}
		Map<String, String> narrative = new LinkedHashMap<>();
		for (var s : form.sections()) {
			narrative.put(s.code(), "Nội dung minh họa của đơn vị cho mục «" + s.title() + "».");
		}
		jdbc.sql("update report set indicators = ?::jsonb, narrative = ?::jsonb where id = ?")
			.params(ReportForms.JSON.writeValueAsString(values), ReportForms.JSON.writeValueAsString(narrative), r.id())
			.update();
	}

	private java.sql.Timestamp at(LocalDate day) {
		return java.sql.Timestamp.from(day.atTime(9, 0).atZone(ZoneId.of("Asia/Ho_Chi_Minh")).toInstant());
	}

	private void event(long report, LocalDate day, String username, ReportStatus from, ReportStatus to, String note) {
		jdbc.sql("insert into report_event (report_id, at, username, from_status, to_status, note) values (?, ?, ?, ?, ?, ?)")
			.params(report, at(day), username, from.name(), to.name(), note)
			.update();
	}
}
