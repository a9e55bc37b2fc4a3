package vn.ttdn.organization;

/** Where a unit record came from, so that counts against the seed documents stay checkable. */
public enum Origin {
	/** Named in one of the seed documents. */
	SEED,
	/** Created by a recorded administrative change (e.g. the 2025 mergers). */
	SUCCESSION,
	/** Entered by a user. */
	USER,
	/** Generated for benchmarks. */
	GENERATED
}
