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
import vn.ttdn.organization.OrganizationQueries;
import vn.ttdn.shared.NotFound;
import vn.ttdn.shared.UserError;
import vn.ttdn.shared.VietnameseText;
import vn.ttdn.shared.security.Actor;

/**
 * Consultation on the jurisdiction's draft plan (C4; 000 Art. 15.2: the coordinating department
 * "tham mưu xây dựng quy chế, quy định, chương trình, đề án, dự án, kế hoạch hoạt động thông tin đối
 * ngoại của Thành phố"; 003 ends with the table "Tổng hợp ý kiến góp ý" of 48 comments and their
 * handling). The coordinating department asks chosen
 * bodies for comments by a date; each body answers with its document number and date; the
 * coordinating department records how each comment was handled.
 */
@Service
@Transactional
public class Consultations {

	private final JdbcClient jdbc;
	private final Clock clock;
	private final PlanQueries queries;
	private final OrganizationQueries organization;

	Consultations(JdbcClient jdbc, Clock clock, PlanQueries queries, OrganizationQueries organization) {
		this.jdbc = jdbc;
		this.clock = clock;
		this.queries = queries;
		this.organization = organization;
	}

	public enum RequestState {
		ANSWERED, PENDING, OVERDUE
	}

	public record Request(long id, long unitId, String bodyText, LocalDate dueOn, Instant requestedAt, String requestedBy,
			int comments, RequestState state) {
	}

	/** Asks these bodies of the plan's jurisdiction for comments by {@code dueOn}; a body already asked gets the new date. */
	public int ask(Actor actor, long planId, List<Long> unitIds, @Nullable LocalDate dueOn) {
		PlanQueries.PlanSummary plan = consulting(planId);
		if (!actor.canManage(plan.jurisdictionCode())) {
			throw new AccessDeniedException("plan " + planId);
		}
		LocalDate today = LocalDate.now(clock);
		if (dueOn == null || dueOn.isBefore(today)) {
			throw new UserError("error.consultation.dueDate");
		}
		if (unitIds.isEmpty()) {
			throw new UserError("error.consultation.noBodies");
		}
		var names = new java.util.HashMap<Long, String>();
		organization.units(plan.jurisdictionCode(), today, null).forEach(u -> names.put(u.id(), u.name()));
		for (long unitId : unitIds) {
			if (!names.containsKey(unitId)) {
				throw new UserError("error.consultation.unknownBody");
			}
		}
		Instant now = Instant.now(clock);
		for (long unitId : unitIds) {
			jdbc.sql("""
					insert into consultation_request (plan_id, unit_id, body_text, due_on, requested_at, requested_by)
					values (?, ?, ?, ?, ?, ?)
					on conflict (plan_id, unit_id) do update set due_on = excluded.due_on""")
				.params(planId, unitId, names.get(unitId), dueOn, java.sql.Timestamp.from(now), actor.username())
				.update();
		}
		return unitIds.size();
	}

	public List<Request> requests(Actor actor, long planId) {
		PlanQueries.PlanSummary plan = queries.summary(planId);
		if (!PlanQueries.mayRead(actor, plan)) {
			throw new AccessDeniedException("plan " + planId);
		}
		LocalDate today = LocalDate.now(clock);
		record Row(long id, long unitId, String bodyText, LocalDate dueOn, Instant requestedAt, String requestedBy, int comments) {
		}
		return jdbc.sql("""
				select r.id, r.unit_id, r.body_text, r.due_on, r.requested_at, r.requested_by,
				  (select count(*) from plan_comment c where c.request_id = r.id) as comments
				from consultation_request r where r.plan_id = ? order by r.body_text""")
			.param(planId).query(Row.class).list().stream()
			.map(r -> new Request(r.id(), r.unitId(), r.bodyText(), r.dueOn(), r.requestedAt(), r.requestedBy(), r.comments(),
					r.comments() > 0 ? RequestState.ANSWERED : r.dueOn().isBefore(today) ? RequestState.OVERDUE : RequestState.PENDING))
			.toList();
	}

	/**
	 * A consulted body's comment, sent with its document (number and date). The body's own staff
	 * send it while the plan is out for consultation; the coordinating department may record one
	 * received on paper on behalf of a consulted body.
	 */
	public long comment(Actor actor, long planId, @Nullable Long onBehalfOf, @Nullable String text, @Nullable String documentNumber,
			@Nullable LocalDate documentDate) {
		PlanQueries.PlanSummary plan = consulting(planId);
		Long unitId = onBehalfOf != null && actor.canManage(plan.jurisdictionCode()) ? onBehalfOf : actor.unitId();
		record Asked(long id, String bodyText) {
		}
		Asked asked = unitId == null ? null : jdbc.sql("select id, body_text from consultation_request where plan_id = ? and unit_id = ?")
			.params(planId, unitId).query(Asked.class).optional().orElse(null);
		if (asked == null || !(actor.canManage(plan.jurisdictionCode()) || actor.canEditUnit(plan.jurisdictionCode(), unitId))) {
			throw new AccessDeniedException("consultation on plan " + planId);
		}
		String clean = VietnameseText.clean(text);
		if (clean == null || clean.isEmpty()) {
			throw new UserError("error.comment.textRequired");
		}
		int position = jdbc.sql("select coalesce(max(position), 0) + 1 from plan_comment where plan_id = ?").param(planId)
			.query(Integer.class).single();
		String number = VietnameseText.clean(documentNumber);
		return jdbc.sql("""
				insert into plan_comment (plan_id, position, body_text, unit_id, document, document_number, document_date, text,
				  handling, request_id, recorded_by, recorded_at)
				values (?, ?, ?, ?, ?, ?, ?, ?, 'NONE', ?, ?, ?) returning id""")
			.params(planId, position, asked.bodyText(), unitId,
					number == null || number.isEmpty() ? null : "Văn bản số " + number, number == null || number.isEmpty() ? null : number,
					documentDate, clean, asked.id(), actor.username(), java.sql.Timestamp.from(Instant.now(clock)))
			.query(Long.class).single();
	}

	/** How the coordinating department handled a comment; explaining or not accepting needs the explanation. */
	public void handle(Actor actor, long commentId, @Nullable Handling handling, @Nullable String explanation) {
		Long planId = jdbc.sql("select plan_id from plan_comment where id = ?").param(commentId).query(Long.class).optional()
			.orElseThrow(() -> new NotFound("comment", commentId));
		PlanQueries.PlanSummary plan = queries.summary(planId);
		if (!actor.canManage(plan.jurisdictionCode())) {
			throw new AccessDeniedException("comment " + commentId);
		}
		if (plan.status() == PlanStatus.ISSUED) {
			throw new UserError("error.comment.planIssued");
		}
		if (handling == null) {
			throw new UserError("error.comment.handlingRequired");
		}
		String text = VietnameseText.clean(explanation);
		if ((handling == Handling.EXPLAINED || handling == Handling.NOT_ACCEPTED) && (text == null || text.isEmpty())) {
			throw new UserError("error.comment.explanationRequired");
		}
		jdbc.sql("update plan_comment set handling = ?, handling_text = ?, handled_by = ?, handled_at = ? where id = ?")
			.params(handling.name(), text == null || text.isEmpty() ? null : text, actor.username(),
					java.sql.Timestamp.from(Instant.now(clock)), commentId)
			.update();
	}

	private PlanQueries.PlanSummary consulting(long planId) {
		PlanQueries.PlanSummary plan = queries.summary(planId);
		if (plan.unitId() != null) {
			throw new UserError("error.consultation.unitPlan");
		}
		if (plan.status() != PlanStatus.CONSULTATION) {
			throw new UserError("error.consultation.notOpen", PlanWorkflow.label("plan.status." + plan.status()));
		}
		return plan;
	}
}
