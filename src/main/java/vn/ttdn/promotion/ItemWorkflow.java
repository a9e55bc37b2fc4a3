package vn.ttdn.promotion;

import java.util.Map;

import org.springframework.context.support.DefaultMessageSourceResolvable;
import vn.ttdn.shared.UserError;
import vn.ttdn.shared.security.Actor;
import vn.ttdn.shared.security.AppRole;

/**
 * The allowed moves of an item, in one place: a unit contributes (004 Art. 8: "các cơ quan, đơn vị
 * … cung cấp thông tin"), the coordinating department reviews the content and publishes (000 Art.
 * 15.6), the security body clears it first (000 Art. 3.2: "bảo vệ bí mật Nhà nước"; 004 Art. 7.4:
 * "Thông tin có nội dung bí mật nhà nước phải tuân thủ quy định của pháp luật về bảo vệ bí mật nhà
 * nước").
 *
 * <p>DRAFT → SUBMITTED → REVIEWED → CLEARED → PUBLISHED (per language; more languages later) →
 * WITHDRAWN. A submitted or reviewed item may be returned to DRAFT with a reason.
 */
public final class ItemWorkflow {

	private static final Map<ItemStatus, Map<ItemAction, ItemStatus>> MOVES = Map.of(
			ItemStatus.DRAFT, Map.of(ItemAction.SUBMIT, ItemStatus.SUBMITTED),
			ItemStatus.SUBMITTED, Map.of(ItemAction.APPROVE_CONTENT, ItemStatus.REVIEWED, ItemAction.RETURN, ItemStatus.DRAFT),
			ItemStatus.REVIEWED, Map.of(ItemAction.CLEAR, ItemStatus.CLEARED, ItemAction.RETURN, ItemStatus.DRAFT),
			ItemStatus.CLEARED, Map.of(ItemAction.PUBLISH, ItemStatus.PUBLISHED),
			ItemStatus.PUBLISHED, Map.of(ItemAction.PUBLISH, ItemStatus.PUBLISHED, ItemAction.WITHDRAW, ItemStatus.WITHDRAWN));

	private ItemWorkflow() {
	}

	/** The status after {@code action}, or a refusal naming the current status. */
	public static ItemStatus next(ItemStatus current, ItemAction action) {
		ItemStatus next = MOVES.getOrDefault(current, Map.of()).get(action);
		if (next == null) {
			throw new UserError("error.promotion.transition", label("promotion.action." + action),
					label("promotion.status." + current));
		}
		return next;
	}

	/** The actions that could follow from a status, for the buttons a page shows. */
	public static java.util.Set<ItemAction> from(ItemStatus current) {
		return MOVES.getOrDefault(current, Map.of()).keySet();
	}

	/**
	 * Who takes a step: the contributing unit's staff submit; the coordinating department reviews,
	 * returns, publishes and withdraws; the security body clears, returns a reviewed item and may
	 * withdraw a published one.
	 */
	public static boolean mayAct(Actor actor, ItemAction action, String jurisdiction, long unitId, ItemStatus status) {
		if (actor.canManage(jurisdiction)) {
			return action != ItemAction.CLEAR;
		}
		boolean security = actor.role() == AppRole.SECURITY_REVIEWER && actor.isIn(jurisdiction);
		return switch (action) {
			case SUBMIT -> actor.canEditUnit(jurisdiction, unitId);
			case CLEAR, WITHDRAW -> security;
			case RETURN -> security && status == ItemStatus.REVIEWED;
			default -> false;
		};
	}

	/** Whether the actor may see the item at all before it is public: its jurisdiction's staff, a unit only its own items. */
	public static boolean maySee(Actor actor, String jurisdiction, long unitId) {
		if (!actor.isIn(jurisdiction)) {
			return false;
		}
		return !actor.role().isUnitScoped() || actor.canEditUnit(jurisdiction, unitId);
	}

	static DefaultMessageSourceResolvable label(String key) {
		return new DefaultMessageSourceResolvable(key);
	}
}
