package vn.ttdn.planning;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.util.CellRangeAddress;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;
import vn.ttdn.shared.OfficialDocx;

/**
 * A plan as officials send it: a Word document in the state format with the plan's text and its
 * task appendix, and the appendix alone as a spreadsheet. Both keep every word of the plan and
 * read back into the same tasks.
 */
@Component
public class PlanExport {

	/** The appendix columns, as the 2023 plan (003) heads them. */
	public static final List<String> COLUMNS = List.of("TT", "Nội dung, quy mô công việc", "Tiến độ thời gian",
			"Cơ quan phụ trách", "Cơ quan phối hợp");

	public byte[] docx(PlanQueries.PlanView view) {
		var plan = view.plan();
		try (var doc = new OfficialDocx()) {
			doc.heading(issuerLines(view.issuer()), plan.number(), view.place(), plan.issuedOn());
			doc.title("Kế hoạch", plan.title());
			Map<String, Object> content = view.content();
			List<String> bases = strings(content.get("legalBases"));
			if (!bases.isEmpty()) {
				doc.paragraph("Căn cứ " + String.join("; ", bases) + ";");
			}
			for (Object section : list(content.get("sections"))) {
				writeSection(doc, section);
			}
			if (content.get("closing") instanceof String closing) {
				doc.paragraph(closing);
			}
			doc.closing(strings(content.get("recipients")), view.signerTitle(), view.signer(),
					plan.unitId() == null ? "TM. ỦY BAN NHÂN DÂN" : "THỦ TRƯỞNG ĐƠN VỊ");
			doc.pageBreak();
			doc.title("Phụ lục", "Nhiệm vụ thực hiện kế hoạch " + plan.title().toLowerCase(java.util.Locale.forLanguageTag("vi")));
			var table = doc.table(COLUMNS, List.of(6, 44, 14, 18, 18));
			String group = null;
			for (var task : view.tasks()) {
				if (task.group() != null && !task.group().equals(group)) {
					group = task.group();
					OfficialDocx.row(table, List.of(group, Objects.requireNonNullElse(task.groupTitle(), ""), "", "", ""), true);
				}
				OfficialDocx.row(table, cells(task), false);
			}
			return doc.toBytes();
		}
		catch (IOException e) {
			throw new UncheckedIOException(e);
		}
	}

	public byte[] xlsx(PlanQueries.PlanView view) {
		try (var workbook = new XSSFWorkbook(); var out = new ByteArrayOutputStream()) {
			Sheet sheet = workbook.createSheet("Phụ lục nhiệm vụ");
			CellStyle text = style(workbook, false);
			CellStyle bold = style(workbook, true);
			Row title = sheet.createRow(0);
			title.createCell(0).setCellValue("PHỤ LỤC NHIỆM VỤ THỰC HIỆN KẾ HOẠCH " + view.plan().title().toUpperCase(java.util.Locale.forLanguageTag("vi")));
			title.getCell(0).setCellStyle(bold);
			sheet.addMergedRegion(new CellRangeAddress(0, 0, 0, COLUMNS.size() - 1));
			Row header = sheet.createRow(1);
			for (int i = 0; i < COLUMNS.size(); i++) {
				header.createCell(i).setCellValue(COLUMNS.get(i));
				header.getCell(i).setCellStyle(bold);
			}
			int r = 2;
			String group = null;
			for (var task : view.tasks()) {
				if (task.group() != null && !task.group().equals(group)) {
					group = task.group();
					Row row = sheet.createRow(r);
					row.createCell(0).setCellValue(group);
					row.createCell(1).setCellValue(Objects.requireNonNullElse(task.groupTitle(), ""));
					row.getCell(0).setCellStyle(bold);
					row.getCell(1).setCellStyle(bold);
					sheet.addMergedRegion(new CellRangeAddress(r, r, 1, COLUMNS.size() - 1));
					r++;
				}
				Row row = sheet.createRow(r++);
				List<String> cells = cells(task);
				for (int i = 0; i < cells.size(); i++) {
					row.createCell(i).setCellValue(cells.get(i));
					row.getCell(i).setCellStyle(text);
				}
			}
			int[] widths = { 6, 60, 18, 28, 32 };
			for (int i = 0; i < widths.length; i++) {
				sheet.setColumnWidth(i, widths[i] * 256);
			}
			sheet.createFreezePane(0, 2);
			sheet.setRepeatingRows(new CellRangeAddress(1, 1, 0, COLUMNS.size() - 1));
			workbook.write(out);
			return out.toByteArray();
		}
		catch (IOException e) {
			throw new UncheckedIOException(e);
		}
	}

	private static List<String> cells(PlanQueries.TaskView task) {
		return List.of(task.number() == null ? "" : String.valueOf(task.number()), task.content(), task.schedule().phrase(),
				task.lead().text(), task.cooperatingText());
	}

	private static CellStyle style(XSSFWorkbook workbook, boolean bold) {
		return style(workbook, bold, false);
	}

	static CellStyle style(XSSFWorkbook workbook, boolean bold, boolean flagged) {
		return vn.ttdn.shared.OfficialXlsx.style(workbook, bold, flagged);
	}

	private static void writeSection(OfficialDocx doc, Object section) {
		if (!(section instanceof Map<?, ?> map)) {
			return;
		}
		if (map.get("heading") instanceof String heading && !heading.isBlank()) {
			doc.sectionHeading(heading);
		}
		strings(map.get("paragraphs")).forEach(doc::paragraph);
		for (Object sub : list(map.get("subsections"))) {
			writeSection(doc, sub);
		}
	}

	/** "Ủy ban nhân dân thành phố Hà Nội" → "ỦY BAN NHÂN DÂN" / "THÀNH PHỐ HÀ NỘI". */
	static List<String> issuerLines(@Nullable String issuer) {
		if (issuer == null || issuer.isBlank()) {
			return List.of("");
		}
		String prefix = "Ủy ban nhân dân ";
		if (issuer.startsWith(prefix)) {
			return List.of("Ủy ban nhân dân", issuer.substring(prefix.length()));
		}
		return List.of(issuer);
	}

	private static List<Object> list(@Nullable Object value) {
		return value instanceof List<?> l ? new ArrayList<>(l) : List.of();
	}

	private static List<String> strings(@Nullable Object value) {
		return list(value).stream().map(String::valueOf).toList();
	}
}
