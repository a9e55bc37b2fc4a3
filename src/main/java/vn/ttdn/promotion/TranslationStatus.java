package vn.ttdn.promotion;

/** Each language of an item is published (or withdrawn) on its own. */
public enum TranslationStatus {
	DRAFT, PUBLISHED, WITHDRAWN
}
