package vn.ttdn.reporting;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import vn.ttdn.shared.NotFound;
import vn.ttdn.shared.UserError;
import vn.ttdn.shared.VietnameseText;
import vn.ttdn.shared.files.Evidence;
import vn.ttdn.shared.files.FileStorage;
import vn.ttdn.shared.security.Actor;

/** Fills in, submits, returns and accepts unit reports, checking who may do it; every step recorded (C6, C19). */
@Service
@Transactional
public class Reports {

	static final BigDecimal MAX_VALUE = new BigDecimal("1000000000000000");
	static final int MAX_TEXT = 20_000;
	static final int MAX_ATTACHMENTS = 20;

	private final JdbcClient jdbc;
	private final Clock clock;
	private final ReportForms forms;
	private final Prefill prefill;
	private final FileStorage files;

	Reports(JdbcClient jdbc, Clock clock, ReportForms forms, Prefill prefill, FileStorage files) {
		this.jdbc = jdbc;
		this.clock = clock;
		this.forms = forms;
		this.prefill = prefill;
		this.files = files;
	}

	record Head(long id, long unitId, ReportStatus status, long version, String jurisdictionCode, long formId,
			LocalDate coversFrom, LocalDate coversTo, @Nullable LocalDate firstSubmittedOn) {
	}

	private Head head(long id) {
		return jdbc.sql("""
				select r.id, r.unit_id, r.status, r.version, p.jurisdiction_code, p.form_id, p.covers_from, p.covers_to,
				  r.first_submitted_on
				from report r join reporting_period p on p.id = r.period_id where r.id = ? for update of r""")
			.param(id)
			.query(Head.class)
			.optional()
			.orElseThrow(() -> new NotFound("report", id));
	}

	private Head editable(Actor actor, long id, @Nullable Long expectedVersion) {
		Head report = head(id);
		if (!ReportWorkflow.mayEdit(actor, report.jurisdictionCode(), report.unitId())) {
			throw new AccessDeniedException("report " + id);
		}
		if (!ReportWorkflow.isEditable(report.status())) {
			throw new UserError("error.report.notEditable", new org.springframework.context.support.DefaultMessageSourceResolvable(
					"report.status." + report.status()));
		}
		if (expectedVersion != null && expectedVersion != report.version()) {
			throw new UserError("error.report.changedMeanwhile");
		}
		return report;
	}

	/**
	 * Saves what the unit entered. A number that differs from the one the system prefilled is kept,
	 * and the correction is recorded with the prefilled value and its source.
	 */
	public void save(Actor actor, long id, Map<String, String> indicators, Map<String, String> narrative,
			@Nullable Long expectedVersion) {
		Head report = editable(actor, id, expectedVersion);
		ReportForm form = forms.form(report.formId()).form();
		Map<String, BigDecimal> numbers = new LinkedHashMap<>();
		for (ReportForm.Indicator indicator : form.indicators()) {
			String raw = VietnameseText.clean(indicators.get(indicator.code()));
			if (raw == null || raw.isEmpty()) {
				continue;
			}
			numbers.put(indicator.code(), number(raw, indicator));
		}
		Map<String, String> texts = new LinkedHashMap<>();
		for (ReportForm.Section section : form.sections()) {
			String text = VietnameseText.nfc(narrative.get(section.code()));
			if (text != null && !text.isBlank()) {
				if (text.length() > MAX_TEXT) {
					throw new UserError("error.report.textTooLong", section.title(), MAX_TEXT);
				}
				texts.put(section.code(), text.strip());
			}
		}
		Map<String, Prefill.Value> prefilled = prefill.compute(form, report.unitId(), report.coversFrom(),
				ReportingQueries.min(report.coversTo(), LocalDate.now(clock)));
		Instant now = Instant.now(clock);
		for (var e : prefilled.entrySet()) {
			BigDecimal entered = numbers.get(e.getKey());
			if (entered != null && entered.compareTo(e.getValue().value()) != 0 && !sameAsLastCorrection(id, e.getKey(), entered)) {
				jdbc.sql("insert into report_correction (report_id, indicator, prefilled, value, source, username, at) values (?, ?, ?, ?, ?, ?, ?)")
					.params(id, e.getKey(), e.getValue().value(), entered, e.getValue().source(), actor.username(),
							java.sql.Timestamp.from(now))
					.update();
			}
		}
		jdbc.sql("update report set indicators = ?::jsonb, narrative = ?::jsonb, prefill = ?::jsonb, version = version + 1 where id = ?")
			.params(ReportForms.JSON.writeValueAsString(numbers), ReportForms.JSON.writeValueAsString(texts),
					ReportForms.JSON.writeValueAsString(prefilled), id)
			.update();
	}

	private boolean sameAsLastCorrection(long id, String indicator, BigDecimal value) {
		BigDecimal last = jdbc.sql("select value from report_correction where report_id = ? and indicator = ? order by id desc limit 1")
			.params(id, indicator)
			.query(BigDecimal.class)
			.optional()
			.orElse(null);
		return last != null && last.compareTo(value) == 0;
	}

	/** A count or an amount as people write it: "1.250", "1250", "106.972.000.000"; never negative. */
	static BigDecimal number(String raw, ReportForm.Indicator indicator) {
		String digits = raw.replace(".", "").replace(" ", "").replace(",", ".");
		try {
			BigDecimal value = new BigDecimal(digits);
			if (value.signum() < 0 || value.compareTo(MAX_VALUE) > 0 || value.scale() > 2) {
				throw new UserError("error.report.numberInvalid", indicator.label(), raw);
			}
			return value.stripTrailingZeros().scale() < 0 ? value.setScale(0) : value.stripTrailingZeros();
		}
		catch (NumberFormatException e) {
			throw new UserError("error.report.numberInvalid", indicator.label(), raw);
		}
	}

	/**
	 * Takes a workflow step. The first submission fixes the day that decides whether the report was
	 * late; numbers left empty take the prefilled value then. {@code expectedVersion}, when given, must
	 * be the version the user saw, so that two people acting at once cannot both succeed.
	 */
	public ReportStatus act(Actor actor, long id, ReportAction action, @Nullable String note, @Nullable Long expectedVersion) {
		Head report = head(id);
		if (!ReportWorkflow.mayAct(actor, action, report.jurisdictionCode(), report.unitId())) {
			throw new AccessDeniedException("report " + id);
		}
		if (expectedVersion != null && expectedVersion != report.version()) {
			throw new UserError("error.report.changedMeanwhile");
		}
		ReportStatus next = ReportWorkflow.next(report.status(), action);
		String comment = VietnameseText.clean(note);
		if (action == ReportAction.RETURN && (comment == null || comment.isEmpty())) {
			throw new UserError("error.report.commentRequired");
		}
		Instant now = Instant.now(clock);
		if (action == ReportAction.SUBMIT) {
			fillFromPrefill(report);
			if (report.firstSubmittedOn() == null) {
				jdbc.sql("update report set first_submitted_on = ? where id = ?").params(LocalDate.now(clock), id).update();
			}
		}
		jdbc.sql("update report set status = ?, status_changed_at = ?, version = version + 1 where id = ?")
			.params(next.name(), java.sql.Timestamp.from(now), id)
			.update();
		jdbc.sql("insert into report_event (report_id, at, username, from_status, to_status, note) values (?, ?, ?, ?, ?, ?)")
			.params(id, java.sql.Timestamp.from(now), actor.username(), report.status().name(), next.name(),
					comment == null || comment.isEmpty() ? null : comment)
			.update();
		return next;
	}

	private void fillFromPrefill(Head report) {
		ReportForm form = forms.form(report.formId()).form();
		var values = prefill.compute(form, report.unitId(), report.coversFrom(),
				ReportingQueries.min(report.coversTo(), LocalDate.now(clock)));
		Map<String, BigDecimal> fill = new LinkedHashMap<>();
		values.forEach((code, v) -> fill.put(code, v.value()));
		if (!fill.isEmpty()) {
			// Entered numbers win over prefilled ones (jsonb: the right-hand side wins).
			jdbc.sql("update report set indicators = ?::jsonb || indicators, prefill = ?::jsonb where id = ?")
				.params(ReportForms.JSON.writeValueAsString(fill), ReportForms.JSON.writeValueAsString(values), report.id())
				.update();
		}
	}

	/** Attaches a file to a report being prepared; the file is checked by its content before anything is saved. */
	public long attach(Actor actor, long id, @Nullable String filename, byte[] content) {
		editable(actor, id, null);
		String contentType = Evidence.check(filename, content);
		long count = jdbc.sql("select count(*) from report_attachment where report_id = ?").param(id).query(Long.class).single();
		if (count >= MAX_ATTACHMENTS) {
			throw new UserError("error.report.tooManyAttachments", MAX_ATTACHMENTS);
		}
		String key = files.put(content);
		return jdbc.sql("""
				insert into report_attachment (report_id, filename, content_type, size, storage_key, sha256, uploaded_by, uploaded_at)
				values (?, ?, ?, ?, ?, ?, ?, ?) returning id""")
			.params(id, Objects.requireNonNull(VietnameseText.clean(filename)), contentType, content.length, key,
					sha256(content), actor.username(), java.sql.Timestamp.from(Instant.now(clock)))
			.query(Long.class)
			.single();
	}

	private static String sha256(byte[] content) {
		try {
			return java.util.HexFormat.of().formatHex(java.security.MessageDigest.getInstance("SHA-256").digest(content));
		}
		catch (java.security.NoSuchAlgorithmException e) {
			throw new IllegalStateException(e);
		}
	}
}
