package vn.ttdn.shared;

import java.text.Normalizer;
import java.util.Locale;
import java.util.regex.Pattern;

import org.jspecify.annotations.Nullable;

/**
 * Vietnamese text as users type it: stored in NFC, compared without diacritics, so that
 * "so ngoai vu" finds "Sở Ngoại vụ".
 */
public final class VietnameseText {

	private static final Pattern MARKS = Pattern.compile("\\p{M}+");
	private static final Pattern SPACES = Pattern.compile("\\s+");

	private VietnameseText() {
	}

	/** NFC with runs of white space folded and the ends trimmed; null stays null. */
	public static @Nullable String clean(@Nullable String text) {
		if (text == null) {
			return null;
		}
		return SPACES.matcher(Normalizer.normalize(text, Normalizer.Form.NFC)).replaceAll(" ").trim();
	}

	/** Like {@link #clean} but keeps line breaks, for long text such as duties. */
	public static @Nullable String nfc(@Nullable String text) {
		return text == null ? null : Normalizer.normalize(text, Normalizer.Form.NFC).strip();
	}

	/** Lower case, no diacritics, đ as d, single spaces: the key on which searches match. */
	public static String fold(@Nullable String text) {
		if (text == null) {
			return "";
		}
		String decomposed = Normalizer.normalize(text, Normalizer.Form.NFD);
		String bare = MARKS.matcher(decomposed).replaceAll("").replace('đ', 'd').replace('Đ', 'D');
		return SPACES.matcher(bare.toLowerCase(Locale.ROOT)).replaceAll(" ").trim();
	}
}
