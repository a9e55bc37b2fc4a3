package vn.ttdn.planning;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import vn.ttdn.shared.NotFound;
import vn.ttdn.shared.UserError;
import vn.ttdn.shared.VietnameseText;
import vn.ttdn.shared.security.Actor;

/** Moves plans through their workflow and records task progress, checking who may do it (C4, C19). */
@Service
@Transactional
public class Plans {

	private final JdbcClient jdbc;
	private final Clock clock;
	private final vn.ttdn.shared.files.FileStorage files;

	private final TaskStatusFacts facts;
	private final PlanVersions versions;

	Plans(JdbcClient jdbc, Clock clock, vn.ttdn.shared.files.FileStorage files, TaskStatusFacts facts, PlanVersions versions) {
		this.facts = facts;
		this.versions = versions;
		this.jdbc = jdbc;
		this.clock = clock;
		this.files = files;
	}

	/** A file given as evidence with a progress record. */
	public record Attachment(String filename, byte[] content) {
	}

	record Head(long id, String jurisdictionCode, @Nullable Long unitId, PlanStatus status, long version) {
	}

	private Head head(long planId) {
		return jdbc.sql("select id, jurisdiction_code, unit_id, status, version from plan where id = ? for update")
			.param(planId)
			.query(Head.class)
			.optional()
			.orElseThrow(() -> new NotFound("plan", planId));
	}

	/**
	 * Starts a plan for a year: a unit's own plan (its staff or the coordinating department), or the
	 * jurisdiction's plan (the coordinating department). One plan per unit and year.
	 */
	public long create(Actor actor, String jurisdiction, @Nullable Long unitId, int year, @Nullable String title) {
		boolean allowed = unitId == null ? actor.canManage(jurisdiction) : actor.canEditUnit(jurisdiction, unitId);
		if (!allowed) {
			throw new AccessDeniedException("plan of " + (unitId == null ? jurisdiction : unitId));
		}
		if (year < 2000 || year > 2100) {
			throw new UserError("error.year.outOfRange", year);
		}
		if (unitId != null && jdbc.sql("select count(*) from plan where unit_id = ? and year = ?").params(unitId, year)
			.query(Long.class).single() > 0) {
			throw new UserError("error.plan.exists", year);
		}
		String clean = VietnameseText.clean(title);
		Instant now = Instant.now(clock);
		long id = jdbc.sql("""
				insert into plan (jurisdiction_code, unit_id, year, status, title, content, status_changed_at, created_by, created_at)
				values (?, ?, ?, 'DRAFT', ?, '{}'::jsonb, ?, ?, ?) returning id""")
			.params(jurisdiction, unitId, year, clean == null || clean.isEmpty() ? "Kế hoạch thông tin đối ngoại năm " + year : clean,
					java.sql.Timestamp.from(now), actor.username(), java.sql.Timestamp.from(now))
			.query(Long.class)
			.single();
		jdbc.sql("insert into plan_event (plan_id, at, username, from_status, to_status) values (?, ?, ?, null, 'DRAFT')")
			.params(id, java.sql.Timestamp.from(now), actor.username())
			.update();
		return id;
	}

	/** The details of issuing: number and symbol, date, signer. */
	public record Issuance(@Nullable String number, @Nullable LocalDate issuedOn, @Nullable String signer,
			@Nullable String signerTitle) {
	}

	/**
	 * Takes a workflow step. {@code expectedVersion}, when given, must be the version the user saw,
	 * so that two people acting at once cannot both succeed.
	 */
	public PlanStatus act(Actor actor, long planId, PlanAction action, @Nullable String note,
			@Nullable Issuance issuance, @Nullable Long expectedVersion) {
		Head plan = head(planId);
		if (!PlanWorkflow.mayAct(actor, action, plan.jurisdictionCode(), plan.unitId())) {
			throw new AccessDeniedException("plan " + planId);
		}
		if (expectedVersion != null && expectedVersion != plan.version()) {
			throw new UserError("error.plan.changedMeanwhile");
		}
		PlanStatus next = PlanWorkflow.next(plan.status(), action, plan.unitId() != null);
		String reason = VietnameseText.clean(note);
		if (action == PlanAction.RETURN && (reason == null || reason.isEmpty())) {
			throw new UserError("error.plan.reasonRequired");
		}
		Instant now = Instant.now(clock);
		if (action == PlanAction.ISSUE) {
			if (issuance == null || blank(issuance.number()) || issuance.issuedOn() == null || blank(issuance.signer())) {
				throw new UserError("error.plan.issueDataRequired");
			}
			jdbc.sql("update plan set number = ?, issued_on = ?, signer = ?, signer_title = ? where id = ?")
				.params(VietnameseText.clean(issuance.number()), issuance.issuedOn(), VietnameseText.clean(issuance.signer()),
						VietnameseText.clean(issuance.signerTitle()), planId)
				.update();
		}
		jdbc.sql("update plan set status = ?, status_changed_at = ?, version = version + 1 where id = ?")
			.params(next.name(), java.sql.Timestamp.from(now), planId)
			.update();
		jdbc.sql("insert into plan_event (plan_id, at, username, from_status, to_status, note) values (?, ?, ?, ?, ?, ?)")
			.params(planId, java.sql.Timestamp.from(now), actor.username(), plan.status().name(), next.name(), reason)
			.update();
		versions.take(planId, PlanVersions.Reason.TRANSITION, actor.username());
		return next;
	}

	/**
	 * Records what the lead unit did on a task, with evidence (a note and optionally a link); a
	 * record that completes the task marks it done on that day. Only the lead unit's staff and the
	 * coordinating department may do it.
	 */
	public long recordProgress(Actor actor, long taskId, @Nullable String note, @Nullable String link,
			boolean completes, @Nullable LocalDate on) {
		return recordProgress(actor, taskId, note, link, completes, on, null);
	}

	/** As above, with a file as evidence, checked by its content before anything is saved. */
	public long recordProgress(Actor actor, long taskId, @Nullable String note, @Nullable String link,
			boolean completes, @Nullable LocalDate on, @Nullable Attachment attachment) {
		record Task(long planId, String jurisdictionCode, @Nullable Long leadUnitId) {
		}
		Task task = jdbc.sql("""
				select t.plan_id, p.jurisdiction_code, t.lead_unit_id from plan_task t join plan p on p.id = t.plan_id
				where t.id = ?""")
			.param(taskId)
			.query(Task.class)
			.optional()
			.orElseThrow(() -> new NotFound("task", taskId));
		boolean lead = task.leadUnitId() != null && actor.canEditUnit(task.jurisdictionCode(), task.leadUnitId());
		if (!lead && !actor.canManage(task.jurisdictionCode())) {
			throw new AccessDeniedException("task " + taskId);
		}
		String text = VietnameseText.nfc(note);
		if (text == null || text.isBlank()) {
			throw new UserError("error.task.noteRequired");
		}
		String url = VietnameseText.clean(link);
		if (url != null && !url.isEmpty() && !url.matches("(?i)https?://\\S+")) {
			throw new UserError("error.task.linkInvalid");
		}
		String contentType = attachment == null ? null
				: vn.ttdn.shared.files.Evidence.check(attachment.filename(), attachment.content());
		LocalDate day = on != null ? on : LocalDate.now(clock);
		long id = jdbc.sql("""
				insert into task_progress (task_id, recorded_on, note, link, completes, unit_id, recorded_by, recorded_at)
				values (?, ?, ?, ?, ?, ?, ?, ?) returning id""")
			.params(taskId, day, text, url == null || url.isEmpty() ? null : url, completes, actor.unitId(),
					actor.username(), java.sql.Timestamp.from(Instant.now(clock)))
			.query(Long.class)
			.single();
		if (completes) {
			jdbc.sql("update plan_task set completed_on = ?, version = version + 1 where id = ?").params(day, taskId).update();
		}
		facts.derive(List.of(taskId));
		if (attachment != null && contentType != null) {
			String key = files.put(attachment.content());
			jdbc.sql("insert into task_attachment (progress_id, filename, content_type, size, storage_key, sha256) values (?, ?, ?, ?, ?, ?)")
				.params(id, VietnameseText.clean(attachment.filename()), contentType, attachment.content().length, key,
						sha256(attachment.content()))
				.update();
		}
		return id;
	}

	private static String sha256(byte[] content) {
		try {
			return java.util.HexFormat.of().formatHex(java.security.MessageDigest.getInstance("SHA-256").digest(content));
		}
		catch (java.security.NoSuchAlgorithmException e) {
			throw new IllegalStateException(e);
		}
	}

	private static boolean blank(@Nullable String s) {
		return s == null || s.isBlank();
	}
}
