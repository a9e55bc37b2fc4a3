package vn.ttdn.organization;

/** The posts a person holds for foreign-information work. */
public enum Post {
	/** Cán bộ đầu mối: 000 Art. 27.2, 002 Art. 19.5, 004 Art. 21.5. */
	FOCAL_OFFICER,
	/** Người phát ngôn. */
	SPOKESPERSON,
	/** Lãnh đạo đơn vị. */
	LEADER,
	OFFICER
}
