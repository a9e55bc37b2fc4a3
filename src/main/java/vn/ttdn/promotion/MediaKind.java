package vn.ttdn.promotion;

/** What a media file is, as recognised from its content. */
public enum MediaKind {
	IMAGE, VIDEO, PDF
}
