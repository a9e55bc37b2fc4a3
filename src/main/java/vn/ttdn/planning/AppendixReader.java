package vn.ttdn.planning;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.apache.poi.openxml4j.util.ZipSecureFile;
import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.apache.poi.xwpf.usermodel.XWPFParagraph;
import org.apache.poi.xwpf.usermodel.XWPFTable;
import org.apache.poi.xwpf.usermodel.XWPFTableCell;
import org.apache.poi.xwpf.usermodel.XWPFTableRow;
import org.jspecify.annotations.Nullable;
import vn.ttdn.shared.UserError;
import vn.ttdn.shared.VietnameseText;

/**
 * Reads a task appendix as officials send it, from the tables of a .docx or the first sheet of an
 * .xlsx, into rows of cell texts (lines within a cell kept), and from those rows the tasks: header
 * rows (also repeated at page breaks) skipped, group rows ("I", "SỞ THÔNG TIN VÀ TRUYỀN THÔNG")
 * starting a group, a row without a number continuing the task before it. Files are bounded in size
 * and rows; POI refuses external entities and archives that inflate suspiciously.
 */
final class AppendixReader {

	static final long MAX_BYTES = 10L * 1024 * 1024;
	static final int MAX_ROWS = 20_000;

	static {
		ZipSecureFile.setMinInflateRatio(0.01);
		ZipSecureFile.setMaxEntrySize(100L * 1024 * 1024);
	}

	private AppendixReader() {
	}

	record Parsed(List<PlanImport.TaskSpec> tasks, List<String> errors) {
	}

	static Parsed read(String filename, byte[] content) {
		if (content.length == 0) {
			throw new UserError("error.import.empty");
		}
		if (content.length > MAX_BYTES) {
			throw new UserError("error.import.tooLarge", MAX_BYTES / (1024 * 1024));
		}
		String name = filename.toLowerCase(Locale.ROOT);
		List<List<String>> rows;
		try {
			if (name.endsWith(".xlsx")) {
				rows = xlsx(content);
			}
			else if (name.endsWith(".docx")) {
				rows = docx(content);
			}
			else {
				throw new UserError("error.import.type");
			}
		}
		catch (IOException | RuntimeException e) {
			if (e instanceof UserError user) {
				throw user;
			}
			throw new UserError("error.import.unreadable", filename);
		}
		return tasks(rows);
	}

	private static List<List<String>> xlsx(byte[] content) throws IOException {
		try (var workbook = new XSSFWorkbook(new ByteArrayInputStream(content))) {
			var sheet = workbook.getSheetAt(0);
			var format = new DataFormatter();
			List<List<String>> rows = new ArrayList<>();
			for (Row row : sheet) {
				if (rows.size() >= MAX_ROWS) {
					throw new UserError("error.import.tooManyRows", MAX_ROWS);
				}
				List<String> cells = new ArrayList<>();
				for (int i = 0; i < Math.max(row.getLastCellNum(), 0); i++) {
					cells.add(format.formatCellValue(row.getCell(i)).strip());
				}
				rows.add(cells);
			}
			return rows;
		}
	}

	private static List<List<String>> docx(byte[] content) throws IOException {
		try (var doc = new XWPFDocument(new ByteArrayInputStream(content))) {
			List<List<String>> rows = new ArrayList<>();
			for (XWPFTable table : doc.getTables()) {
				for (XWPFTableRow row : table.getRows()) {
					if (rows.size() >= MAX_ROWS) {
						throw new UserError("error.import.tooManyRows", MAX_ROWS);
					}
					List<String> cells = new ArrayList<>();
					for (XWPFTableCell cell : row.getTableCells()) {
						cells.add(String.join("\n", cell.getParagraphs().stream().map(XWPFParagraph::getText).toList()).strip());
					}
					rows.add(cells);
				}
			}
			return rows;
		}
	}

	private record Columns(int number, int content, int schedule, int lead, int cooperating) {
	}

	/** A header row: it names the content and lead columns ("Nội dung…", "Cơ quan phụ trách/chủ trì"). */
	private static @Nullable Columns header(List<String> row) {
		int number = -1, content = -1, schedule = -1, lead = -1, cooperating = -1;
		for (int i = 0; i < row.size(); i++) {
			String f = VietnameseText.fold(row.get(i));
			if (f.equals("tt") || f.equals("stt")) {
				number = i;
			}
			else if (f.startsWith("noi dung")) {
				content = i;
			}
			else if (f.startsWith("tien do") || f.startsWith("thoi gian")) {
				schedule = i;
			}
			else if (f.contains("phoi hop")) {
				cooperating = i;
			}
			else if (f.contains("phu trach") || f.contains("chu tri")) {
				lead = i;
			}
		}
		return content >= 0 && lead >= 0 ? new Columns(number < 0 ? 0 : number, content, schedule, lead, cooperating) : null;
	}

	static Parsed tasks(List<List<String>> rows) {
		List<String> errors = new ArrayList<>();
		List<String[]> tasks = new ArrayList<>();
		Columns columns = null;
		String group = null;
		String groupTitle = null;
		for (int r = 0; r < rows.size(); r++) {
			List<String> row = rows.get(r);
			if (row.stream().allMatch(String::isBlank)) {
				continue;
			}
			Columns h = header(row);
			if (h != null) {
				columns = h;
				continue;
			}
			if (columns == null) {
				continue; // title lines above the table
			}
			String first = cell(row, columns.number());
			String second = cell(row, columns.content());
			if (first.matches("[IVXLC]+\\.?") && !second.isBlank() && rest(row, columns).isBlank()) {
				group = first.replace(".", "");
				groupTitle = second;
				continue;
			}
			if (first.matches("\\d+\\.?")) {
				tasks.add(new String[] { group, groupTitle, first.replace(".", ""), second, cell(row, columns.schedule()),
						cell(row, columns.lead()), cell(row, columns.cooperating()) });
				continue;
			}
			if (first.isBlank() && !tasks.isEmpty()) {
				String[] last = tasks.getLast();
				last[3] = join(last[3], second);
				last[4] = join(last[4], cell(row, columns.schedule()));
				last[5] = join(last[5], cell(row, columns.lead()));
				last[6] = join(last[6], cell(row, columns.cooperating()));
				continue;
			}
			errors.add("Dòng " + (r + 1) + ": «" + first + "» không phải số thứ tự nhiệm vụ hay số La Mã của nhóm.");
		}
		if (columns == null) {
			errors.add("Không tìm thấy dòng tiêu đề của phụ lục (cột «Nội dung» và «Cơ quan phụ trách»).");
		}
		List<PlanImport.TaskSpec> specs = new ArrayList<>();
		for (int i = 0; i < tasks.size(); i++) {
			String[] t = tasks.get(i);
			if (t[3].isBlank()) {
				errors.add("Nhiệm vụ " + (t[0] == null ? "" : t[0] + ".") + t[2] + ": thiếu nội dung.");
			}
			if (t[5].isBlank()) {
				errors.add("Nhiệm vụ " + (t[0] == null ? "" : t[0] + ".") + t[2] + ": thiếu cơ quan phụ trách.");
			}
			specs.add(new PlanImport.TaskSpec(t[0], t[1], Integer.valueOf(t[2]), t[3], t[4], t[5], t[6]));
		}
		return new Parsed(specs, errors);
	}

	private static String rest(List<String> row, Columns c) {
		return cell(row, c.schedule()) + cell(row, c.lead()) + cell(row, c.cooperating());
	}

	private static String cell(List<String> row, int index) {
		return index >= 0 && index < row.size() ? row.get(index) : "";
	}

	private static String join(String before, String after) {
		if (after.isBlank()) {
			return before;
		}
		return before.isBlank() ? after : before + " " + after;
	}
}
