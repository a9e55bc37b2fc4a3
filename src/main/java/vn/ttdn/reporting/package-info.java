/** The reporting regime: periods and ad-hoc requests, unit reports and their review, reminders, consolidation, compliance (C6). */
@org.jspecify.annotations.NullMarked
package vn.ttdn.reporting;
