package vn.ttdn.promotion;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.format.ResolverStyle;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipException;
import java.util.zip.ZipInputStream;

import org.apache.poi.openxml4j.util.ZipSecureFile;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.ss.usermodel.DateUtil;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.jspecify.annotations.Nullable;
import vn.ttdn.shared.UserError;
import vn.ttdn.shared.VietnameseText;

/**
 * A ZIP of items to import: a manifest ({@code manifest.csv} or {@code manifest.xlsx}, one line per
 * translation of an item, grouped by {@code ref}) and the media files it names. Read with bounds —
 * entries, bytes per entry and in all, compression ratio, path depth — so that a zip bomb or a
 * path like {@code ../x} is refused before it costs anything; every line is checked and every
 * problem reported with its line number.
 */
final class ImportPackage {

	static final int MAX_ENTRIES = 2_000;
	static final long MAX_TOTAL_BYTES = 200L * 1024 * 1024;
	static final long MAX_MANIFEST_BYTES = 10L * 1024 * 1024;
	static final int MAX_RATIO = 100;
	static final int MAX_DEPTH = 4;
	static final int MAX_LINES = 20_000;
	static final List<String> COLUMNS = List.of("ref", "kind", "fields", "tags", "place", "date", "author", "credit",
			"licence", "classification", "language", "title", "summary", "body", "media", "caption");
	private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("dd/MM/uuuu").withResolverStyle(ResolverStyle.STRICT);

	/** A problem on a line of the manifest (line 0: the package as a whole). */
	record Problem(int line, String key, Object[] arguments) {
	}

	/** An item as the manifest gives it. */
	record ItemSpec(String ref, PromotionItems.ItemForm form, List<PromotionItems.TranslationForm> translations,
			List<PromotionItems.Upload> uploads) {
	}

	record Parsed(List<ItemSpec> items, List<Problem> problems) {
	}

	private ImportPackage() {
	}

	static Parsed read(byte[] zip, PromotionProperties properties) {
		Map<String, byte[]> entries = unzip(zip);
		String manifestName = entries.keySet().stream()
			.filter(n -> n.equalsIgnoreCase("manifest.csv") || n.equalsIgnoreCase("manifest.xlsx"))
			.findFirst()
			.orElseThrow(() -> new UserError("error.promotion.import.noManifest"));
		List<List<String>> lines = manifestName.toLowerCase(Locale.ROOT).endsWith(".csv")
				? csv(new String(entries.get(manifestName), StandardCharsets.UTF_8)) : xlsx(entries.get(manifestName));
		if (lines.isEmpty()) {
			throw new UserError("error.promotion.import.emptyManifest");
		}
		if (lines.size() > MAX_LINES + 1) {
			throw new UserError("error.import.tooManyRows", MAX_LINES);
		}
		Map<String, Integer> header = new HashMap<>();
		List<String> head = lines.getFirst();
		for (int i = 0; i < head.size(); i++) {
			header.put(head.get(i).strip().toLowerCase(Locale.ROOT), i);
		}
		List<Problem> problems = new ArrayList<>();
		for (String required : List.of("ref", "kind", "language", "title")) {
			if (!header.containsKey(required)) {
				problems.add(new Problem(1, "error.promotion.import.column", new Object[] { required }));
			}
		}
		if (!problems.isEmpty()) {
			return new Parsed(List.of(), problems);
		}
		Map<String, Builder> items = new LinkedHashMap<>();
		for (int n = 1; n < lines.size(); n++) {
			List<String> cells = lines.get(n);
			int line = n + 1;
			if (cells.stream().allMatch(String::isBlank)) {
				continue;
			}
			int before = problems.size();
			String ref = cell(cells, header, "ref");
			if (ref.isEmpty()) {
				problems.add(new Problem(line, "error.promotion.import.ref", new Object[0]));
				continue;
			}
			ItemKind kind = parse(ItemKind.class, cell(cells, header, "kind"), line, "kind", problems);
			List<Topic> topics = new ArrayList<>();
			for (String t : split(cell(cells, header, "fields"))) {
				Topic topic = parse(Topic.class, t, line, "fields", problems);
				if (topic != null) {
					topics.add(topic);
				}
			}
			String classificationText = cell(cells, header, "classification");
			Classification classification = classificationText.isEmpty() ? Classification.PUBLIC
					: parse(Classification.class, classificationText, line, "classification", problems);
			if (classification != null && classification.isStateSecret()) {
				problems.add(new Problem(line, "error.promotion.classified",
						new Object[] { ItemWorkflow.label("promotion.classification." + classification) }));
			}
			LocalDate date = null;
			String dateText = cell(cells, header, "date");
			if (!dateText.isEmpty()) {
				try {
					date = LocalDate.parse(dateText, DAY);
				}
				catch (DateTimeParseException e) {
					problems.add(new Problem(line, "error.promotion.import.date", new Object[] { dateText }));
				}
			}
			String language = cell(cells, header, "language").toLowerCase(Locale.ROOT);
			if (!properties.holds(language)) {
				problems.add(new Problem(line, "error.promotion.language", new Object[] { language }));
			}
			String title = cell(cells, header, "title");
			if (title.isEmpty()) {
				problems.add(new Problem(line, "error.promotion.titleRequired", new Object[] { language }));
			}
			List<PromotionItems.Upload> uploads = new ArrayList<>();
			String caption = cell(cells, header, "caption");
			for (String name : split(cell(cells, header, "media"))) {
				byte[] content = entries.get(name);
				if (content == null) {
					problems.add(new Problem(line, "error.promotion.import.mediaMissing", new Object[] { name }));
					continue;
				}
				try {
					MediaCheck.check(name.contains("/") ? name.substring(name.lastIndexOf('/') + 1) : name, content);
					uploads.add(new PromotionItems.Upload(name.contains("/") ? name.substring(name.lastIndexOf('/') + 1) : name,
							content, caption.isEmpty() ? null : caption));
				}
				catch (UserError e) {
					problems.add(new Problem(line, e.key(), e.arguments()));
				}
			}
			Builder item = items.get(ref);
			if (item == null && kind != null && classification != null) {
				item = new Builder(ref, new PromotionItems.ItemForm(kind, topics, split(cell(cells, header, "tags")),
						cell(cells, header, "place"), date, cell(cells, header, "author"), cell(cells, header, "credit"),
						cell(cells, header, "licence"), classification));
				items.put(ref, item);
			}
			else if (item != null && kind != null && kind != item.form.kind()) {
				problems.add(new Problem(line, "error.promotion.import.kindDiffers", new Object[] { ref }));
			}
			if (item != null && item.languages.containsKey(language)) {
				problems.add(new Problem(line, "error.promotion.languageTwice", new Object[] { language }));
			}
			if (item != null && problems.size() == before) {
				item.languages.put(language, line);
				item.translations.add(new PromotionItems.TranslationForm(language, title, blankToNull(cell(cells, header, "summary")),
						blankToNull(cell(cells, header, "body"))));
				item.uploads.addAll(uploads);
			}
		}
		if (items.isEmpty() && problems.isEmpty()) {
			throw new UserError("error.promotion.import.emptyManifest");
		}
		return new Parsed(items.values().stream().filter(b -> !b.translations.isEmpty()).map(b -> new ItemSpec(b.ref, b.form, b.translations, b.uploads)).toList(),
				problems);
	}

	private static final class Builder {
		final String ref;
		final PromotionItems.ItemForm form;
		final List<PromotionItems.TranslationForm> translations = new ArrayList<>();
		final List<PromotionItems.Upload> uploads = new ArrayList<>();
		final Map<String, Integer> languages = new HashMap<>();

		Builder(String ref, PromotionItems.ItemForm form) {
			this.ref = ref;
			this.form = form;
		}
	}

	/** The entries of the ZIP by name, within every bound; a bound crossed refuses the whole package. */
	static Map<String, byte[]> unzip(byte[] zip) {
		if (zip.length < 4 || zip[0] != 'P' || zip[1] != 'K') {
			throw new UserError("error.promotion.import.notZip");
		}
		Map<String, byte[]> entries = new LinkedHashMap<>();
		long total = 0;
		try (var in = new ZipInputStream(new ByteArrayInputStream(zip), StandardCharsets.UTF_8)) {
			ZipEntry entry;
			while ((entry = in.getNextEntry()) != null) {
				if (entry.isDirectory()) {
					continue;
				}
				if (entries.size() >= MAX_ENTRIES) {
					throw new UserError("error.promotion.import.tooManyEntries", MAX_ENTRIES);
				}
				String name = VietnameseText.nfc(entry.getName().replace('\\', '/'));
				if (name == null || name.startsWith("/") || name.contains("../") || name.split("/").length > MAX_DEPTH
						|| name.contains(":")) {
					throw new UserError("error.promotion.import.badPath", entry.getName());
				}
				if (name.startsWith("__MACOSX/")) {
					continue;
				}
				long limit = Math.min(MediaCheck.MAX_BYTES, MAX_TOTAL_BYTES - total);
				byte[] content = bounded(in, limit);
				long compressed = entry.getCompressedSize();
				if (content.length > 1024 * 1024 && compressed > 0 && content.length / compressed > MAX_RATIO) {
					throw new UserError("error.promotion.import.bomb");
				}
				total += content.length;
				entries.put(name, content);
			}
		}
		catch (ZipException e) {
			throw new UserError("error.promotion.import.notZip");
		}
		catch (IOException e) {
			throw new UserError("error.promotion.import.notZip");
		}
		return entries;
	}

	/** Reads at most {@code limit} bytes; more means a bomb or an oversized file, and the package is refused. */
	private static byte[] bounded(InputStream in, long limit) throws IOException {
		var out = new ByteArrayOutputStream();
		byte[] buffer = new byte[64 * 1024];
		long read = 0;
		int n;
		while ((n = in.read(buffer)) > 0) {
			read += n;
			if (read > limit) {
				throw new UserError("error.promotion.import.bomb");
			}
			out.write(buffer, 0, n);
		}
		return out.toByteArray();
	}

	static List<List<String>> csv(String text) {
		String s = text.startsWith("\uFEFF") ? text.substring(1) : text;
		List<List<String>> rows = new ArrayList<>();
		List<String> row = new ArrayList<>();
		StringBuilder cell = new StringBuilder();
		boolean quoted = false;
		for (int i = 0; i < s.length(); i++) {
			char c = s.charAt(i);
			if (quoted) {
				if (c == '"' && i + 1 < s.length() && s.charAt(i + 1) == '"') {
					cell.append('"');
					i++;
				}
				else if (c == '"') {
					quoted = false;
				}
				else {
					cell.append(c);
				}
			}
			else if (c == '"') {
				quoted = true;
			}
			else if (c == ',') {
				row.add(cell.toString());
				cell.setLength(0);
			}
			else if (c == '\n' || c == '\r') {
				if (c == '\r' && i + 1 < s.length() && s.charAt(i + 1) == '\n') {
					i++;
				}
				row.add(cell.toString());
				cell.setLength(0);
				rows.add(row);
				row = new ArrayList<>();
			}
			else {
				cell.append(c);
			}
		}
		if (!cell.isEmpty() || !row.isEmpty()) {
			row.add(cell.toString());
			rows.add(row);
		}
		return rows;
	}

	private static List<List<String>> xlsx(byte[] content) {
		ZipSecureFile.setMinInflateRatio(0.01);
		try (var workbook = new XSSFWorkbook(new ByteArrayInputStream(content))) {
			var sheet = workbook.getSheetAt(0);
			var format = new DataFormatter();
			List<List<String>> rows = new ArrayList<>();
			for (Row r : sheet) {
				if (rows.size() > MAX_LINES + 1) {
					break;
				}
				List<String> cells = new ArrayList<>();
				for (int c = 0; c < Math.max(0, r.getLastCellNum()); c++) {
					Cell cell = r.getCell(c);
					if (cell == null) {
						cells.add("");
					}
					else if (cell.getCellType() == org.apache.poi.ss.usermodel.CellType.NUMERIC && DateUtil.isCellDateFormatted(cell)) {
						cells.add(DAY.format(cell.getLocalDateTimeCellValue().toLocalDate()));
					}
					else {
						cells.add(format.formatCellValue(cell));
					}
				}
				rows.add(cells);
			}
			return rows;
		}
		catch (IOException | RuntimeException e) {
			if (e instanceof UserError u) {
				throw u;
			}
			throw new UserError("error.import.unreadable", "manifest.xlsx");
		}
	}

	private static String cell(List<String> cells, Map<String, Integer> header, String column) {
		Integer i = header.get(column);
		if (i == null || i >= cells.size()) {
			return "";
		}
		String v = VietnameseText.nfc(cells.get(i));
		return v == null ? "" : v;
	}

	private static List<String> split(String s) {
		List<String> out = new ArrayList<>();
		for (String part : s.split(";")) {
			if (!part.isBlank()) {
				out.add(part.strip());
			}
		}
		return out;
	}

	private static <E extends Enum<E>> @Nullable E parse(Class<E> type, String value, int line, String column,
			List<Problem> problems) {
		try {
			return Enum.valueOf(type, value.strip().toUpperCase(Locale.ROOT).replace(' ', '_'));
		}
		catch (IllegalArgumentException e) {
			problems.add(new Problem(line, "error.promotion.import.value", new Object[] { column, value }));
			return null;
		}
	}

	private static @Nullable String blankToNull(String s) {
		return s.isBlank() ? null : s;
	}
}
