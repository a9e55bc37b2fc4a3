package vn.ttdn.promotion;

/** The steps of an item's workflow. */
public enum ItemAction {
	SUBMIT, RETURN, APPROVE_CONTENT, CLEAR, PUBLISH, WITHDRAW
}
