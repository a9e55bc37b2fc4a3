package vn.ttdn.regulation;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.jspecify.annotations.Nullable;
import vn.ttdn.shared.VietnameseText;

/**
 * Reads the text of a regulation (quy chế) as published: chapters ("Chương III"), articles
 * ("Điều 15. Sở Thông tin và Truyền thông."), numbered clauses ("1."), points ("a)"), bullets ("-")
 * and an article's words after a colon in its heading ("Điều 21. Sở Nội vụ: Phối hợp …"). Text is
 * kept verbatim; only the bold marks and heading hashes of the plain-text conversion (**, #) are dropped.
 */
public final class RegulationText {

	public record Clause(@Nullable String label, String text) {
	}

	public record Article(int number, @Nullable String chapter, String title, @Nullable String leadIn,
			List<Clause> clauses) {

		/**
		 * The duties an article of a duty chapter assigns: each numbered clause or bullet, or, where
		 * the article has none, its whole text.
		 */
		public List<Clause> duties() {
			if (!clauses.isEmpty()) {
				return clauses;
			}
			return leadIn == null ? List.of() : List.of(new Clause(null, leadIn));
		}
	}

	private static final Pattern CHAPTER = Pattern.compile("^Chương\\s+([IVXLC]+)\\b.*");
	private static final Pattern ARTICLE = Pattern.compile("^Điều\\s+(\\d+)\\s*\\.\\s*(.*)$");
	private static final Pattern CLAUSE = Pattern.compile("^(\\d+)\\.\\s+(.*)$");
	private static final Pattern POINT = Pattern.compile("^[a-zđ]\\)\\s+.*$");
	private static final Pattern BULLET = Pattern.compile("^[-–]\\s+(.*)$");
	private static final Pattern SIGNATURE = Pattern.compile("^(TM\\.|KT\\.|Nơi nhận).*");

	private RegulationText() {
	}

	/** Typographic marks of the conversion removed, NFC, trailing spaces gone; line structure kept. */
	public static String plain(String text) {
		StringBuilder out = new StringBuilder();
		for (String line : VietnameseText.nfc(text).split("\\R", -1)) {
			out.append(plainLine(line)).append('\n');
		}
		return out.toString();
	}

	private static String plainLine(String line) {
		String s = line.replace("**", "").replace('\u00a0', ' ');
		s = s.replaceAll("^#+\\s*", "");
		return s.strip();
	}

	/** The articles of the regulation, from its first chapter to the signature. */
	public static List<Article> articles(String text) {
		List<Article> articles = new ArrayList<>();
		String chapter = null;
		boolean started = false;
		Builder current = null;
		for (String line : plain(text).split("\n")) {
			if (line.isEmpty()) {
				continue;
			}
			Matcher m;
			if ((m = CHAPTER.matcher(line)).matches()) {
				started = true;
				chapter = m.group(1);
				current = close(current, articles);
				continue;
			}
			if (!started) {
				continue;
			}
			if (SIGNATURE.matcher(line).matches()) {
				close(current, articles);
				return articles;
			}
			if ((m = ARTICLE.matcher(line)).matches()) {
				close(current, articles);
				current = new Builder(Integer.parseInt(m.group(1)), chapter, m.group(2));
				continue;
			}
			if (current != null) {
				current.add(line);
			}
		}
		close(current, articles);
		return articles;
	}

	private static @Nullable Builder close(@Nullable Builder builder, List<Article> into) {
		if (builder != null) {
			into.add(builder.build());
		}
		return null;
	}

	private static final class Builder {

		private final int number;
		private final @Nullable String chapter;
		private final String title;
		private final List<String> leadIn = new ArrayList<>();
		private final List<String[]> clauses = new ArrayList<>();
		private int bullets;

		Builder(int number, @Nullable String chapter, String heading) {
			this.number = number;
			this.chapter = chapter;
			int colon = heading.indexOf(':');
			if (colon > 0 && colon < heading.length() - 1) {
				this.title = trimTitle(heading.substring(0, colon));
				this.leadIn.add(heading.substring(colon + 1).strip());
			}
			else {
				this.title = trimTitle(heading);
			}
		}

		private static String trimTitle(String s) {
			return s.strip().replaceAll("[.:]+$", "").strip();
		}

		void add(String line) {
			Matcher m;
			if ((m = CLAUSE.matcher(line)).matches()) {
				clauses.add(new String[] { m.group(1), line.substring(m.start(2)) });
			}
			else if (!clauses.isEmpty() && (POINT.matcher(line).matches() || isContinuation())) {
				String[] last = clauses.getLast();
				last[1] = last[1] + "\n" + line;
			}
			else if ((m = BULLET.matcher(line)).matches()) {
				bullets++;
				clauses.add(new String[] { "ý " + bullets, m.group(1) });
			}
			else {
				leadIn.add(line);
			}
		}

		/** After numbered clauses, an unnumbered paragraph continues the last clause. */
		private boolean isContinuation() {
			return bullets == 0;
		}

		Article build() {
			List<Clause> list = clauses.stream().map(c -> new Clause(c[0], c[1])).toList();
			String lead = leadIn.isEmpty() ? null : String.join("\n", leadIn);
			return new Article(number, chapter, title, lead, list);
		}
	}
}
