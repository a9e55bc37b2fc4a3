package vn.ttdn.planning;

import org.jspecify.annotations.Nullable;
import vn.ttdn.shared.VietnameseText;

/** How a comment on a draft was handled: tiếp thu, giải trình, không tiếp thu, or nothing to handle (agreement). */
public enum Handling {
	ACCEPTED, EXPLAINED, NOT_ACCEPTED, NONE;

	/** From the words of a "Giải trình, tiếp thu" cell; an empty cell means nothing needed handling. */
	public static Handling of(@Nullable String written) {
		String s = VietnameseText.fold(written);
		if (s.isEmpty()) {
			return NONE;
		}
		if (s.startsWith("khong tiep thu")) {
			return NOT_ACCEPTED;
		}
		// "Tiếp thu" is acceptance; "Giải trình …" or any other words explain why not.
		return s.startsWith("tiep thu") ? ACCEPTED : EXPLAINED;
	}
}
