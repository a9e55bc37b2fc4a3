package vn.ttdn.budget;

/** The steps of an estimate's workflow. */
public enum BudgetAction {
	SUBMIT, RETURN, APPRAISE, ALLOCATE, SETTLE
}
