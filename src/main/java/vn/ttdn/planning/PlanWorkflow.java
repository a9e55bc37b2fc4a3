package vn.ttdn.planning;

import java.util.Map;

import vn.ttdn.shared.UserError;
import vn.ttdn.shared.security.Actor;
import vn.ttdn.shared.security.AppRole;

/**
 * The allowed moves of a plan, in one place.
 *
 * <p>A unit's plan (000 Art. 28.2; 002 Art. 19.3 and Art. 5: "gửi Kế hoạch … trước ngày 15 tháng
 * 01"; 004 Art. 21.2): DRAFT → SUBMITTED → RETURNED (with reasons) → SUBMITTED → ACCEPTED.
 *
 * <p>The jurisdiction's plan, built by the coordinating department (000 Art. 15.2; 003): DRAFT →
 * CONSULTATION (comments asked from chosen bodies) → SUBMITTED → ISSUED; a submitted plan may also
 * be returned to DRAFT by the People's Committee.
 */
public final class PlanWorkflow {

	private static final Map<PlanStatus, Map<PlanAction, PlanStatus>> UNIT_PLAN = Map.of(
			PlanStatus.DRAFT, Map.of(PlanAction.SUBMIT, PlanStatus.SUBMITTED),
			PlanStatus.RETURNED, Map.of(PlanAction.SUBMIT, PlanStatus.SUBMITTED),
			PlanStatus.SUBMITTED, Map.of(PlanAction.RETURN, PlanStatus.RETURNED, PlanAction.ACCEPT, PlanStatus.ACCEPTED));

	private static final Map<PlanStatus, Map<PlanAction, PlanStatus>> JURISDICTION_PLAN = Map.of(
			PlanStatus.DRAFT, Map.of(PlanAction.OPEN_CONSULTATION, PlanStatus.CONSULTATION, PlanAction.SUBMIT, PlanStatus.SUBMITTED),
			PlanStatus.CONSULTATION, Map.of(PlanAction.SUBMIT, PlanStatus.SUBMITTED),
			PlanStatus.SUBMITTED, Map.of(PlanAction.ISSUE, PlanStatus.ISSUED, PlanAction.RETURN, PlanStatus.DRAFT));

	private PlanWorkflow() {
	}

	/** The status after {@code action}, or a refusal naming the current status. */
	public static PlanStatus next(PlanStatus current, PlanAction action, boolean unitPlan) {
		PlanStatus next = (unitPlan ? UNIT_PLAN : JURISDICTION_PLAN).getOrDefault(current, Map.of()).get(action);
		if (next == null) {
			throw new UserError("error.plan.transition", label("plan.action." + action), label("plan.status." + current));
		}
		return next;
	}

	static org.springframework.context.MessageSourceResolvable label(String key) {
		return new org.springframework.context.support.DefaultMessageSourceResolvable(key);
	}

	/** Drafts and returned plans can be edited; submitted, accepted and issued ones cannot. */
	public static boolean isEditable(PlanStatus status) {
		return status == PlanStatus.DRAFT || status == PlanStatus.RETURNED || status == PlanStatus.CONSULTATION;
	}

	/**
	 * Who may take a step: the unit's head (or its officers preparing it, for editing) submits a
	 * unit's plan; the coordinating department returns and accepts, and runs the jurisdiction's plan.
	 */
	public static boolean mayAct(Actor actor, PlanAction action, String jurisdiction, Long unitId) {
		if (actor.canManage(jurisdiction)) {
			return true;
		}
		return unitId != null && action == PlanAction.SUBMIT && actor.role() == AppRole.UNIT_HEAD
				&& actor.canEditUnit(jurisdiction, unitId);
	}
}
