package vn.ttdn.shared;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;

import org.jspecify.annotations.Nullable;

/**
 * Amounts in đồng: read as documents print them ("0,7" tỷ đồng, with "," as the decimal mark),
 * kept exact, written with "." between thousands (106.972.000.000) and in words for official
 * documents ("Một trăm linh sáu tỷ chín trăm bảy mươi hai triệu đồng").
 */
public final class Vnd {

	private static final String[] DIGITS = { "không", "một", "hai", "ba", "bốn", "năm", "sáu", "bảy", "tám", "chín" };
	private static final String[] GROUPS = { "", " nghìn", " triệu", " tỷ" };

	private Vnd() {
	}

	/** A number as printed with a decimal comma and optional "." thousands separators; null when empty. */
	public static @Nullable BigDecimal parse(@Nullable String printed) {
		if (printed == null || printed.isBlank()) {
			return null;
		}
		String s = printed.strip().replace(" ", "");
		if (!s.matches("-?\\d{1,3}(\\.\\d{3})*(,\\d+)?|-?\\d+(,\\d+)?")) {
			throw new UserError("error.amount.unreadable", printed);
		}
		return new BigDecimal(s.replace(".", "").replace(',', '.'));
	}

	/** An amount in a unit of {@code multiplier} đồng (1 000 000 000 for "tỷ đồng") as exact đồng. */
	public static BigDecimal toDong(BigDecimal amount, long multiplier) {
		return amount.multiply(BigDecimal.valueOf(multiplier)).stripTrailingZeros();
	}

	/** 106972000000 → "106.972.000.000". */
	public static String format(BigDecimal dong) {
		BigDecimal rounded = dong.setScale(0, java.math.RoundingMode.HALF_UP);
		String digits = rounded.abs().toPlainString();
		StringBuilder out = new StringBuilder();
		for (int i = 0; i < digits.length(); i++) {
			if (i > 0 && (digits.length() - i) % 3 == 0) {
				out.append('.');
			}
			out.append(digits.charAt(i));
		}
		return (rounded.signum() < 0 ? "-" : "") + out;
	}

	/** A decimal as documents print it: 4.907 → "4,907". */
	public static String printDecimal(BigDecimal value) {
		return value.stripTrailingZeros().toPlainString().replace('.', ',');
	}

	/** 106972000000 → "Một trăm linh sáu tỷ chín trăm bảy mươi hai triệu đồng". */
	public static String inWords(BigDecimal dong) {
		long value = dong.setScale(0, java.math.RoundingMode.HALF_UP).longValueExact();
		if (value == 0) {
			return "Không đồng";
		}
		String words = words(Math.abs(value));
		String text = (value < 0 ? "âm " : "") + words + " đồng";
		return Character.toUpperCase(text.charAt(0)) + text.substring(1);
	}

	private static String words(long value) {
		if (value >= 1_000_000_000_000L) {
			long billions = value / 1_000_000_000L;
			long rest = value % 1_000_000_000L;
			return words(billions) + " tỷ" + (rest == 0 ? "" : " " + below(rest, true));
		}
		return below(value, false);
	}

	/** Below a thousand billion, in groups of three digits. */
	private static String below(long value, boolean padded) {
		List<String> parts = new ArrayList<>();
		int[] groups = { (int) (value / 1_000_000_000L % 1000), (int) (value / 1_000_000 % 1000),
				(int) (value / 1000 % 1000), (int) (value % 1000) };
		boolean started = padded;
		for (int i = 0; i < 4; i++) {
			int g = groups[i];
			if (g == 0) {
				continue;
			}
			parts.add(triple(g, started) + GROUPS[3 - i]);
			started = true;
		}
		return String.join(" ", parts);
	}

	/** Three digits; {@code full} when a higher group came before ("không trăm linh năm"). */
	private static String triple(int n, boolean full) {
		int hundreds = n / 100;
		int tens = n / 10 % 10;
		int units = n % 10;
		StringBuilder s = new StringBuilder();
		if (hundreds > 0 || full) {
			s.append(DIGITS[hundreds]).append(" trăm");
		}
		if (tens == 0) {
			if (units > 0) {
				s.append(s.isEmpty() ? "" : " linh ").append(DIGITS[units]);
			}
		}
		else {
			s.append(s.isEmpty() ? "" : " ").append(tens == 1 ? "mười" : DIGITS[tens] + " mươi");
			if (units == 1 && tens > 1) {
				s.append(" mốt");
			}
			else if (units == 5) {
				s.append(" lăm");
			}
			else if (units > 0) {
				s.append(' ').append(DIGITS[units]);
			}
		}
		return s.toString();
	}
}
