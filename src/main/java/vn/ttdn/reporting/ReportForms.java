package vn.ttdn.reporting;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.time.Instant;
import java.util.List;

import org.jspecify.annotations.Nullable;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.springframework.core.io.ClassPathResource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.json.JsonMapper;
import vn.ttdn.shared.NotFound;
import vn.ttdn.shared.UserError;
import vn.ttdn.shared.VietnameseText;
import vn.ttdn.shared.security.Actor;

/**
 * Report forms and their versions. The default form ships with the system and covers what the
 * regulations ask units to report (000 Art. 28.3; 002 Art. 5 with Phụ lục 02 of Thông tư
 * 22/2016/TT-BTTTT; 004 Art. 22.2); a jurisdiction may save its own versions.
 */
@Component
@Order(5)
public class ReportForms implements ApplicationRunner {

	static final JsonMapper JSON = JsonMapper.builder().build();

	private final JdbcClient jdbc;
	private final Clock clock;

	ReportForms(JdbcClient jdbc, Clock clock) {
		this.jdbc = jdbc;
		this.clock = clock;
	}

	/** A form for reporting results, or for sending a unit's annual plan (Phụ lục 01 and 02 of Thông tư 22/2016/TT-BTTTT). */
	public enum Kind {
		REPORT, PLAN;

		static Kind of(vn.ttdn.regulation.ReportKind kind) {
			return kind == vn.ttdn.regulation.ReportKind.ANNUAL_PLAN ? PLAN : REPORT;
		}
	}

	public record FormVersion(long id, @Nullable String jurisdictionCode, Kind kind, int version, String title, ReportForm form,
			String createdBy, Instant createdAt) {
	}

	/** Puts the shipped default forms in place once; concurrent starts agree through the unique version. */
	@Override
	public void run(ApplicationArguments args) {
		install(Kind.REPORT, "reporting/default-form.json");
		install(Kind.PLAN, "reporting/plan-form.json");
	}

	private void install(Kind kind, String resource) {
		try (InputStream in = new ClassPathResource(resource).getInputStream()) {
			String json = new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
			ReportForm form = JSON.readValue(json, ReportForm.class).validated();
			jdbc.sql("""
					insert into report_form (jurisdiction_code, kind, version, title, definition, created_by, created_at)
					values (null, ?, 1, ?, ?::jsonb, 'system', ?) on conflict do nothing""")
				.params(kind.name(), form.title(), JSON.writeValueAsString(form), java.sql.Timestamp.from(Instant.now(clock)))
				.update();
		}
		catch (IOException e) {
			throw new UncheckedIOException(e);
		}
	}

	private static final String COLUMNS = "id, jurisdiction_code, kind, version, title, definition, created_by, created_at from report_form";

	private List<FormVersion> query(String where, Object... params) {
		return jdbc.sql("select " + COLUMNS + " " + where)
			.params(params)
			.query((rs, i) -> new FormVersion(rs.getLong(1), rs.getString(2), Kind.valueOf(rs.getString(3)), rs.getInt(4),
					rs.getString(5), JSON.readValue(rs.getString(6), ReportForm.class), rs.getString(7),
					rs.getTimestamp(8).toInstant()))
			.list();
	}

	@Transactional(readOnly = true)
	public FormVersion form(long id) {
		return query("where id = ?", id).stream().findFirst().orElseThrow(() -> new NotFound("form", id));
	}

	/** The form a new period of the jurisdiction uses: its own latest version, else the shipped default. */
	@Transactional(readOnly = true)
	public FormVersion current(String jurisdiction, Kind kind) {
		return query("""
				where (jurisdiction_code = ? or jurisdiction_code is null) and kind = ?
				order by jurisdiction_code nulls last, version desc limit 1""", jurisdiction, kind.name()).getFirst();
	}

	@Transactional(readOnly = true)
	public List<FormVersion> versions(String jurisdiction) {
		return query("where jurisdiction_code = ? or jurisdiction_code is null order by jurisdiction_code nulls first, kind, version",
				jurisdiction);
	}

	/** Saves a new version of the jurisdiction's form from its JSON text; earlier periods keep theirs. */
	@Transactional
	public long saveVersion(Actor actor, String jurisdiction, Kind kind, String json) {
		if (!actor.canManage(jurisdiction)) {
			throw new AccessDeniedException("forms of " + jurisdiction);
		}
		if (json == null || json.length() > 100_000) {
			throw new UserError("error.form.invalid");
		}
		ReportForm form;
		try {
			form = JSON.readValue(VietnameseText.nfc(json), ReportForm.class).validated();
		}
		catch (JacksonException e) {
			throw new UserError("error.form.invalid");
		}
		int version = jdbc.sql("select coalesce(max(version), 0) + 1 from report_form where jurisdiction_code = ? and kind = ?")
			.params(jurisdiction, kind.name())
			.query(Integer.class)
			.single();
		return jdbc.sql("""
				insert into report_form (jurisdiction_code, kind, version, title, definition, created_by, created_at)
				values (?, ?, ?, ?, ?::jsonb, ?, ?) returning id""")
			.params(jurisdiction, kind.name(), version, form.title(), JSON.writeValueAsString(form), actor.username(),
					java.sql.Timestamp.from(Instant.now(clock)))
			.query(Long.class)
			.single();
	}

	static String toJson(ReportForm form) {
		return JSON.writerWithDefaultPrettyPrinter().writeValueAsString(form);
	}
}
