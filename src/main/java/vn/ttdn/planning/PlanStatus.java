package vn.ttdn.planning;

/** Where a plan stands. A unit's plan: draft, submitted, returned, accepted. The jurisdiction's: draft, consultation, submitted, issued. */
public enum PlanStatus {
	DRAFT, CONSULTATION, SUBMITTED, RETURNED, ACCEPTED, ISSUED
}
