/** Programmes, annual plans, their tasks and schedules, targets and consultations on drafts (C3, C4). */
@org.jspecify.annotations.NullMarked
package vn.ttdn.planning;
