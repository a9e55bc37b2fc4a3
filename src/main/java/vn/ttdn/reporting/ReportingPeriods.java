package vn.ttdn.reporting;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import vn.ttdn.organization.OrganizationQueries;
import vn.ttdn.regulation.Coverage;
import vn.ttdn.regulation.Deadline;
import vn.ttdn.regulation.RegulationCatalog;
import vn.ttdn.regulation.ReportKind;
import vn.ttdn.regulation.ReportingRule;
import vn.ttdn.shared.UserError;
import vn.ttdn.shared.VietnameseText;
import vn.ttdn.shared.security.Actor;

/**
 * Opens the reporting periods of a jurisdiction's year from the reporting rules of its regulation
 * (000 Art. 28.3: "Định kỳ 6 tháng … trước ngày 20 các tháng 6 và tháng 11"; 002 Art. 5: "Kế
 * hoạch … trước ngày 15 tháng 01", "Báo cáo năm trước ngày 20 tháng 11"; 004 Art. 22.2: "trước
 * ngày 15 tháng 01", "báo cáo năm trước ngày 15 tháng 11"), and the ad-hoc requests of the
 * coordinating department ("báo cáo đột xuất theo yêu cầu"). Each period owes one report from
 * every unit that acts for itself, except the coordinating department, which collects them.
 */
@Service
@Transactional
public class ReportingPeriods {

	static final String COORDINATING_ROLE = "FOREIGN_INFO_LEAD";

	private final JdbcClient jdbc;
	private final RegulationCatalog regulation;
	private final OrganizationQueries organization;
	private final ReportForms forms;
	private final Clock clock;

	ReportingPeriods(JdbcClient jdbc, RegulationCatalog regulation, OrganizationQueries organization, ReportForms forms,
			Clock clock) {
		this.jdbc = jdbc;
		this.regulation = regulation;
		this.organization = organization;
		this.forms = forms;
		this.clock = clock;
	}

	/** Opens the year's periods (those not yet open) and the reports each unit owes; returns how many periods were opened. */
	public int generate(Actor actor, String jurisdiction, int year) {
		if (!actor.canManage(jurisdiction)) {
			throw new AccessDeniedException("periods of " + jurisdiction);
		}
		return generate(jurisdiction, year, actor.username(), false);
	}

	/** As above, for the system (demo data, benchmarks); {@code demo} marks the periods as demonstration data. */
	public int generate(String jurisdiction, int year, String username, boolean demo) {
		if (year < 2000 || year > 2100) {
			throw new UserError("error.year.outOfRange", year);
		}
		int opened = 0;
		for (ReportingRule rule : regulation.rules(jurisdiction, year)) {
			Deadline deadline = rule.deadlineIn(year);
			if (deadline.dueBefore() == null || deadline.lastOnTimeDay() == null) {
				continue;
			}
			Long id = jdbc.sql("""
					insert into reporting_period (jurisdiction_code, year, kind, covers, covers_from, covers_to, due_before,
					  last_on_time_day, rule_id, form_id, title, recipients, document_number, article_ref, quote, demo,
					  created_by, created_at)
					values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
					on conflict (rule_id, year) where rule_id is not null do nothing returning id""")
				.params(jurisdiction, year, rule.kind().name(), rule.covers().name(), LocalDate.of(year, 1, 1),
						rule.covers() == Coverage.FIRST_HALF ? LocalDate.of(year, 6, 30) : LocalDate.of(year, 12, 31),
						deadline.dueBefore(), deadline.lastOnTimeDay(), rule.id(),
						forms.current(jurisdiction, ReportForms.Kind.of(rule.kind())).id(), title(rule.kind(), year),
						String.join("\n", rule.recipients()), rule.documentNumber(), rule.articleRef(), rule.quote(), demo,
						username, java.sql.Timestamp.from(Instant.now(clock)))
				.query(Long.class)
				.optional()
				.orElse(null);
			if (id != null) {
				opened++;
				owe(id, owingUnits(jurisdiction, deadline.lastOnTimeDay()));
			}
		}
		return opened;
	}

	static String title(ReportKind kind, int year) {
		return switch (kind) {
			case ANNUAL_PLAN -> "Kế hoạch hoạt động thông tin đối ngoại năm " + year;
			case HALF_YEAR_REPORT -> "Báo cáo kết quả hoạt động thông tin đối ngoại 6 tháng đầu năm " + year;
			case ANNUAL_REPORT -> "Báo cáo kết quả hoạt động thông tin đối ngoại năm " + year;
			case AD_HOC_REPORT -> "Báo cáo đột xuất năm " + year;
		};
	}

	/** The units that act for themselves on {@code day}, without the coordinating department. */
	List<Long> owingUnits(String jurisdiction, LocalDate day) {
		Set<Long> collectors = new HashSet<>();
		organization.holders(jurisdiction, COORDINATING_ROLE, day).forEach(u -> collectors.add(u.id()));
		List<Long> units = new ArrayList<>(organization.actingUnits(jurisdiction, day));
		units.removeIf(collectors::contains);
		return units;
	}

	private void owe(long periodId, List<Long> units) {
		jdbc.sql("""
				insert into report (period_id, unit_id, status, status_changed_at)
				select ?, u, 'DRAFT', ? from unnest(?::bigint[]) u on conflict do nothing""")
			.params(periodId, java.sql.Timestamp.from(Instant.now(clock)), units.toArray(Long[]::new))
			.update();
	}

	/** An ad-hoc request: subject, units asked, the last day to send, the form, instructions. It covers the year so far. */
	public record Request(@Nullable String subject, @Nullable List<Long> unitIds, @Nullable LocalDate dueOn,
			@Nullable Long formId, @Nullable String instructions) {
	}

	/** The coordinating department asks chosen units for an ad-hoc report (000 Art. 28.3; 002 Art. 5; 004 Art. 22.2). */
	public long request(Actor actor, String jurisdiction, Request request) {
		if (!actor.canManage(jurisdiction)) {
			throw new AccessDeniedException("requests of " + jurisdiction);
		}
		String subject = VietnameseText.clean(request.subject());
		if (subject == null || subject.isEmpty() || subject.length() > 500) {
			throw new UserError("error.request.subjectRequired");
		}
		LocalDate today = LocalDate.now(clock);
		if (request.dueOn() == null || request.dueOn().isBefore(today) || request.dueOn().getYear() > today.getYear() + 1) {
			throw new UserError("error.request.dueInvalid");
		}
		List<Long> acting = owingUnits(jurisdiction, today);
		if (request.unitIds() == null || request.unitIds().isEmpty() || !acting.containsAll(request.unitIds())) {
			throw new UserError("error.request.unitsRequired");
		}
		ReportForms.FormVersion form = request.formId() == null ? forms.current(jurisdiction, ReportForms.Kind.REPORT)
				: forms.form(request.formId());
		if (form.jurisdictionCode() != null && !form.jurisdictionCode().equals(jurisdiction)) {
			throw new UserError("error.form.invalid");
		}
		List<String> recipients = regulation.rules(jurisdiction, today.getYear()).stream()
			.filter(r -> r.kind() == ReportKind.AD_HOC_REPORT)
			.findFirst()
			.map(ReportingRule::recipients)
			.orElse(List.of());
		long id = jdbc.sql("""
				insert into reporting_period (jurisdiction_code, year, kind, covers, covers_from, covers_to, due_before,
				  last_on_time_day, form_id, title, recipients, instructions, created_by, created_at)
				values (?, ?, 'AD_HOC_REPORT', 'ON_REQUEST', ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) returning id""")
			.params(jurisdiction, request.dueOn().getYear(), today.withDayOfYear(1), request.dueOn(), request.dueOn().plusDays(1),
					request.dueOn(), form.id(), subject, String.join("\n", recipients),
					VietnameseText.nfc(request.instructions()), actor.username(), java.sql.Timestamp.from(Instant.now(clock)))
			.query(Long.class)
			.single();
		owe(id, List.copyOf(new java.util.LinkedHashSet<>(request.unitIds())));
		return id;
	}

	/** Excuses a unit from one period (it then shows as exempt, is not reminded and not counted missing). */
	public void exempt(Actor actor, long reportId, boolean exempt) {
		String jurisdiction = jdbc.sql("select p.jurisdiction_code from report r join reporting_period p on p.id = r.period_id where r.id = ?")
			.param(reportId)
			.query(String.class)
			.optional()
			.orElseThrow(() -> new vn.ttdn.shared.NotFound("report", reportId));
		if (!actor.canManage(jurisdiction)) {
			throw new AccessDeniedException("report " + reportId);
		}
		jdbc.sql("update report set exempt = ?, version = version + 1 where id = ?").params(exempt, reportId).update();
	}
}
