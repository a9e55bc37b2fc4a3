package vn.ttdn.reporting;

import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.core.annotation.Order;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Reporting data at benchmark scale (bench/reporting.sh), only when {@code ttdn.bench.reporting=true}
 * and after the national-scale registry: in one jurisdiction, 20 past periods of a year each owed
 * by 5,000 units (the compliance matrix), 1,000 accepted reports with figures and narrative in the
 * first of them (the consolidation), and a period due in 7 days owed by the same 5,000 units (the
 * reminders of today). The units are the first 5,000 of the registry, whatever their jurisdiction:
 * the point is the size of the matrix, not who the units are.
 */
@Component
@Order(21)
@ConditionalOnProperty(name = "ttdn.bench.reporting", havingValue = "true")
class ReportingScaleData implements ApplicationRunner {

	private static final Logger log = LoggerFactory.getLogger(ReportingScaleData.class);
	static final String TITLE = "Kỳ đo hiệu năng ";

	private final JdbcClient jdbc;
	private final ReportForms forms;
	private final TransactionTemplate transaction;
	private final Clock clock;
	private final String jurisdiction;
	private final int year;
	private final int units;

	ReportingScaleData(JdbcClient jdbc, ReportForms forms, TransactionTemplate transaction, Clock clock,
			@Value("${ttdn.bench.reporting-jurisdiction:01}") String jurisdiction,
			@Value("${ttdn.bench.reporting-year:2024}") int year, @Value("${ttdn.bench.reporting-units:5000}") int units) {
		this.jdbc = jdbc;
		this.forms = forms;
		this.transaction = transaction;
		this.clock = clock;
		this.jurisdiction = jurisdiction;
		this.year = year;
		this.units = units;
	}

	@Override
	public void run(ApplicationArguments args) {
		if (jdbc.sql("select count(*) from reporting_period where title like ?").param(TITLE + "%").query(Long.class).single() > 0) {
			return;
		}
		long started = System.nanoTime();
		transaction.executeWithoutResult(status -> generate());
		log.info("Reporting benchmark data generated in {} ms", (System.nanoTime() - started) / 1_000_000);
	}

	private void generate() {
		var form = forms.current(jurisdiction, ReportForms.Kind.REPORT);
		Long[] ids = jdbc.sql("select id from unit order by id limit ?").param(units).query(Long.class).list().toArray(Long[]::new);
		List<ReportForm.Indicator> indicators = form.form().indicators();
		String figures = "jsonb_build_object(" + IntStream.range(0, indicators.size())
			.mapToObj(i -> "'" + indicators.get(i).code() + "', " + (indicators.get(i).isMoney() ? "(u % 40 + 1) * 5000000" : "(u * " + (i + 3) + ") % 17"))
			.collect(Collectors.joining(", ")) + ")";
		String narrative = "jsonb_build_object(" + form.form().sections().stream()
			.map(s -> "'" + s.code() + "', 'Đơn vị số ' || u || ' báo cáo mục «" + s.title().replace("'", "''")
					+ "»: đã triển khai đầy đủ các nhiệm vụ được giao, phối hợp chặt chẽ với các cơ quan liên quan.'")
			.collect(Collectors.joining(", ")) + ")";
		for (int k = 1; k <= 20; k++) {
			LocalDate last = LocalDate.of(year, 1, 10).plusDays(17L * k);
			long period = period(TITLE + "số " + k, year, last, form.id());
			if (k == 1) {
				jdbc.sql("""
						insert into report (period_id, unit_id, status, first_submitted_on, indicators, narrative)
						select ?, u, case when o <= 1000 then 'ACCEPTED' else 'DRAFT' end,
						  case when o <= 1000 then ?::date - (u % 9)::int + 3 end,
						  case when o <= 1000 then FIGURES else '{}'::jsonb end,
						  case when o <= 1000 then NARRATIVE else '{}'::jsonb end
						from unnest(?::bigint[]) with ordinality as t(u, o)""".replace("FIGURES", figures).replace("NARRATIVE", narrative))
					.params(period, last, ids)
					.update();
			}
			else {
				jdbc.sql("""
						insert into report (period_id, unit_id, status, exempt, first_submitted_on)
						select ?, u, case when (u + ?) % 10 < 7 then 'ACCEPTED' else 'DRAFT' end, (u + ?) % 53 = 0,
						  case when (u + ?) % 10 < 7 then ?::date - ((u + ?) % 11)::int + 4 end
						from unnest(?::bigint[]) as t(u)""")
					.params(period, k, k, k, last, k, ids)
					.update();
			}
		}
		LocalDate today = LocalDate.now(clock);
		long reminded = period(TITLE + "nhắc hạn", today.getYear(), today.plusDays(6), form.id());
		jdbc.sql("insert into report (period_id, unit_id, status) select ?, u, 'DRAFT' from unnest(?::bigint[]) as t(u)")
			.params(reminded, ids)
			.update();
		jdbc.sql("analyze report").update();
	}

	private long period(String title, int periodYear, LocalDate last, long formId) {
		return jdbc.sql("""
				insert into reporting_period (jurisdiction_code, year, kind, covers, covers_from, covers_to, due_before,
				  last_on_time_day, form_id, title, recipients, created_by, created_at)
				values (?, ?, 'AD_HOC_REPORT', 'ON_REQUEST', ?, ?, ?, ?, ?, ?, 'Ủy ban nhân dân', 'bench', now()) returning id""")
			.params(jurisdiction, periodYear, LocalDate.of(periodYear, 1, 1), last, last.plusDays(1), last, formId, title)
			.query(Long.class)
			.single();
	}
}
