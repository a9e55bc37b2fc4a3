/** Budgets for foreign-information work: estimates, appraisal, allocation, spending, settlement and roll-ups (C5). */
@org.jspecify.annotations.NullMarked
package vn.ttdn.budget;
