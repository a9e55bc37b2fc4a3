package vn.ttdn.budget;

/** Where a unit's yearly estimate stands. */
public enum BudgetStatus {
	DRAFT, SUBMITTED, RETURNED, APPRAISED, ALLOCATED, SETTLED
}
