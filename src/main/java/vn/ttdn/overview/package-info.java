/** What a leader sees first: the jurisdiction at a glance, built from the other modules' public queries (C18). */
@org.jspecify.annotations.NullMarked
package vn.ttdn.overview;
