package vn.ttdn.promotion;

/** Where an item is in its workflow ({@link ItemWorkflow}). */
public enum ItemStatus {
	DRAFT, SUBMITTED, REVIEWED, CLEARED, PUBLISHED, WITHDRAWN
}
