package vn.ttdn.promotion;

/** The kinds of item the collection holds; legal texts and procedures in a foreign language after 001 VII.5. */
public enum ItemKind {
	ARTICLE, PHOTO, PHOTO_SET, VIDEO, INFOGRAPHIC, PUBLICATION, FACT_SHEET, LEGAL_TEXT, PROCEDURE
}
