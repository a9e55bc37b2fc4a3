package vn.ttdn.budget;

import java.util.Map;

import org.springframework.context.support.DefaultMessageSourceResolvable;
import vn.ttdn.shared.UserError;
import vn.ttdn.shared.security.Actor;
import vn.ttdn.shared.security.AppRole;

/**
 * The allowed moves of a unit's yearly estimate (002 Art. 4: "các Sở, ngành, địa phương lập dự
 * toán kinh phí, gửi Sở Tài chính thẩm định, trình Ủy ban nhân dân tỉnh xem xét, quyết định";
 * 000 Art. 22; 004 Art. 15): DRAFT → SUBMITTED (the unit's head) → RETURNED with reasons or
 * APPRAISED by the finance body → ALLOCATED → SETTLED.
 */
public final class BudgetWorkflow {

	private static final Map<BudgetStatus, Map<BudgetAction, BudgetStatus>> MOVES = Map.of(
			BudgetStatus.DRAFT, Map.of(BudgetAction.SUBMIT, BudgetStatus.SUBMITTED),
			BudgetStatus.RETURNED, Map.of(BudgetAction.SUBMIT, BudgetStatus.SUBMITTED),
			BudgetStatus.SUBMITTED, Map.of(BudgetAction.RETURN, BudgetStatus.RETURNED, BudgetAction.APPRAISE, BudgetStatus.APPRAISED),
			BudgetStatus.APPRAISED, Map.of(BudgetAction.ALLOCATE, BudgetStatus.ALLOCATED),
			BudgetStatus.ALLOCATED, Map.of(BudgetAction.SETTLE, BudgetStatus.SETTLED));

	private BudgetWorkflow() {
	}

	/** The status after {@code action}, or a refusal naming the current status. */
	public static BudgetStatus next(BudgetStatus current, BudgetAction action) {
		BudgetStatus next = MOVES.getOrDefault(current, Map.of()).get(action);
		if (next == null) {
			throw new UserError("error.budget.transition", label("budget.action." + action), label("budget.status." + current));
		}
		return next;
	}

	public static boolean allows(BudgetStatus current, BudgetAction action) {
		return MOVES.getOrDefault(current, Map.of()).containsKey(action);
	}

	/** Lines can be changed while the unit prepares the estimate. */
	public static boolean isEditable(BudgetStatus status) {
		return status == BudgetStatus.DRAFT || status == BudgetStatus.RETURNED;
	}

	/** The unit's head submits; the finance body of the jurisdiction does the rest. */
	public static boolean mayAct(Actor actor, BudgetAction action, String jurisdiction, long unitId) {
		if (action == BudgetAction.SUBMIT) {
			return actor.isSystemAdmin() || actor.role() == AppRole.UNIT_HEAD && actor.canEditUnit(jurisdiction, unitId);
		}
		return isFinance(actor, jurisdiction);
	}

	public static boolean isFinance(Actor actor, String jurisdiction) {
		return actor.isSystemAdmin() || actor.role() == AppRole.FINANCE_OFFICER && actor.isIn(jurisdiction);
	}

	static DefaultMessageSourceResolvable label(String key) {
		return new DefaultMessageSourceResolvable(key);
	}
}
