package vn.ttdn.reporting;

import java.util.Map;

import org.springframework.context.support.DefaultMessageSourceResolvable;
import vn.ttdn.shared.UserError;
import vn.ttdn.shared.security.Actor;
import vn.ttdn.shared.security.AppRole;

/**
 * The allowed moves of a unit's report, in one place: DRAFT → SUBMITTED → RETURNED (with comments)
 * → SUBMITTED → ACCEPTED. Units report to the coordinating department, which consolidates (000
 * Art. 28.3: "báo cáo … gửi Sở Thông tin và Truyền thông tổng hợp"; 002 Art. 5; 004 Art. 22.2).
 */
final class ReportWorkflow {

	private static final Map<ReportStatus, Map<ReportAction, ReportStatus>> MOVES = Map.of(
			ReportStatus.DRAFT, Map.of(ReportAction.SUBMIT, ReportStatus.SUBMITTED),
			ReportStatus.RETURNED, Map.of(ReportAction.SUBMIT, ReportStatus.SUBMITTED),
			ReportStatus.SUBMITTED, Map.of(ReportAction.RETURN, ReportStatus.RETURNED, ReportAction.ACCEPT, ReportStatus.ACCEPTED));

	private ReportWorkflow() {
	}

	/** The status after {@code action}, or a refusal naming the current status. */
	static ReportStatus next(ReportStatus current, ReportAction action) {
		ReportStatus next = MOVES.getOrDefault(current, Map.of()).get(action);
		if (next == null) {
			throw new UserError("error.report.transition", new DefaultMessageSourceResolvable("report.action." + action),
					new DefaultMessageSourceResolvable("report.status." + current));
		}
		return next;
	}

	/** Drafts and returned reports can be edited; submitted and accepted ones cannot. */
	static boolean isEditable(ReportStatus status) {
		return status == ReportStatus.DRAFT || status == ReportStatus.RETURNED;
	}

	/** The unit's own staff prepare the report. */
	static boolean mayEdit(Actor actor, String jurisdiction, long unitId) {
		return actor.role().isUnitScoped() && actor.canEditUnit(jurisdiction, unitId);
	}

	/** The unit's head submits; the coordinating department returns and accepts. */
	static boolean mayAct(Actor actor, ReportAction action, String jurisdiction, long unitId) {
		if (action == ReportAction.SUBMIT) {
			return actor.role() == AppRole.UNIT_HEAD && actor.canEditUnit(jurisdiction, unitId);
		}
		return actor.canManage(jurisdiction);
	}

	/**
	 * Who may read a report: its own unit's staff; the coordinating department and the leaders of
	 * the jurisdiction all of its reports; the jurisdiction's other bodies (finance, security) accepted ones.
	 */
	static boolean mayRead(Actor actor, String jurisdiction, long unitId, ReportStatus status) {
		if (!actor.isIn(jurisdiction)) {
			return false;
		}
		if (actor.role().isUnitScoped()) {
			return actor.canEditUnit(jurisdiction, unitId);
		}
		return seesJurisdiction(actor, jurisdiction) || status == ReportStatus.ACCEPTED;
	}

	/** The coordinating department and the leaders follow every unit of the jurisdiction. */
	static boolean seesJurisdiction(Actor actor, String jurisdiction) {
		return actor.canManage(jurisdiction) || (actor.role() == AppRole.LEADER && actor.isIn(jurisdiction));
	}
}
