package vn.ttdn.planning;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
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
import vn.ttdn.shared.Vnd;

/**
 * A programme's budget estimate table (biểu khái toán kinh phí) as the document prints it, to
 * .docx in the state format and to .xlsx. Every printed amount stays as printed; beside each
 * printed subtotal and total stands the sum of its lines, and where the two differ the cell is
 * marked and the place is listed under the table (DOMAIN §4: "show the disagreement; never
 * silently correct it"). The totals are also written in Vietnamese words (bằng chữ).
 */
@Component
public class BudgetExport {

	private final vn.ttdn.organization.OrganizationQueries organization;

	BudgetExport(vn.ttdn.organization.OrganizationQueries organization) {
		this.organization = organization;
	}

	/** The marker put after a printed sum that its lines do not add up to. */
	public static final String MISMATCH = "≠";

	public byte[] docx(ProgrammeCatalog.ProgrammeView view) {
		BudgetTable b = view.budget();
		var g = view.programme();
		try (var doc = new OfficialDocx()) {
			doc.heading(List.of("Ủy ban nhân dân", organization.jurisdiction(g.jurisdictionCode()).name()), null, null, null);
			doc.title("Biểu khái toán kinh phí", "(Kèm theo Quyết định số " + g.decisionNumber() + " ngày "
					+ g.decidedOn().format(java.time.format.DateTimeFormatter.ofPattern("dd/MM/yyyy")) + ")");
			doc.paragraph(g.title());
			doc.paragraph("Đơn vị tính: " + b.unit());
			List<String> header = new ArrayList<>(List.of("TT", "Nội dung"));
			b.columns().forEach(c -> header.add(c.label()));
			header.add("Đơn vị thực hiện");
			header.add("Nguồn kinh phí");
			List<Integer> widths = new ArrayList<>(List.of(6, 40));
			b.columns().forEach(c -> widths.add(11));
			widths.add(16);
			widths.add(16);
			var table = doc.table(header, widths);
			for (BudgetTable.Section s : b.sections()) {
				List<String> row = new ArrayList<>(List.of(s.code(), s.title()));
				b.columns().forEach(c -> row.add(sumCell(s.statedSubtotal(), s.computedSubtotal(), c.key())));
				row.add("");
				row.add("");
				OfficialDocx.row(table, row, true);
				for (BudgetTable.Line l : s.lines()) {
					List<String> cells = new ArrayList<>(List.of(Objects.requireNonNullElse(l.number(), ""), l.content()));
					b.columns().forEach(c -> cells.add(Objects.requireNonNullElse(l.amounts().get(c.key()), "")));
					cells.add(Objects.requireNonNullElse(l.implementingUnit(), ""));
					cells.add(Objects.requireNonNullElse(l.fundingSource(), ""));
					OfficialDocx.row(table, cells, false);
				}
			}
			List<String> total = new ArrayList<>(List.of("", "Tổng cộng"));
			b.columns().forEach(c -> total.add(sumCell(b.statedTotal(), b.computedTotal(), c.key())));
			total.add(sumCell(b.statedTotal(), b.computedTotal(), BudgetTable.TOTAL));
			total.add("");
			OfficialDocx.row(table, total, true);
			if (b.statedTotalDong() != null) {
				doc.paragraph("Tổng kinh phí theo văn bản: " + b.statedTotalDong() + " đồng (Bằng chữ: " + b.statedTotalInWords() + ").");
			}
			if (b.totalInWordsAsPrinted() != null) {
				doc.paragraph("Văn bản ghi bằng chữ: " + b.totalInWordsAsPrinted());
			}
			doc.paragraph("Cộng lại từ các dòng: " + b.computedTotalDong() + " đồng (Bằng chữ: " + b.computedTotalInWords() + ").");
			if (!b.disagreements().isEmpty()) {
				doc.sectionHeading("Các chỗ số liệu văn bản không khớp với tổng cộng lại (đánh dấu " + MISMATCH + " trong bảng)");
				for (BudgetTable.Disagreement d : b.disagreements()) {
					doc.paragraph("- " + disagreement(d));
				}
			}
			return doc.toBytes();
		}
		catch (IOException e) {
			throw new UncheckedIOException(e);
		}
	}

	public byte[] xlsx(ProgrammeCatalog.ProgrammeView view) {
		BudgetTable b = view.budget();
		try (var workbook = new XSSFWorkbook(); var out = new ByteArrayOutputStream()) {
			Sheet sheet = workbook.createSheet("Biểu khái toán");
			CellStyle text = style(workbook, false, false);
			CellStyle bold = style(workbook, true, false);
			CellStyle flagged = style(workbook, true, true);
			CellStyle number = style(workbook, false, false);
			number.setDataFormat(workbook.createDataFormat().getFormat("#,##0.000"));
			int columns = 2 + 2 * b.columns().size() + 2;
			Row title = sheet.createRow(0);
			cell(title, 0, "BIỂU KHÁI TOÁN KINH PHÍ — " + view.programme().title(), bold);
			sheet.addMergedRegion(new CellRangeAddress(0, 0, 0, columns - 1));
			cell(sheet.createRow(1), 0, "Đơn vị tính: " + b.unit() + ". Số theo văn bản giữ nguyên như in; cột \"cộng lại\" là tổng các dòng.", text);
			sheet.addMergedRegion(new CellRangeAddress(1, 1, 0, columns - 1));
			Row header = sheet.createRow(2);
			int c = 0;
			cell(header, c++, "TT", bold);
			cell(header, c++, "Nội dung", bold);
			for (var col : b.columns()) {
				cell(header, c++, col.label() + " (văn bản)", bold);
				cell(header, c++, col.label() + " (cộng lại)", bold);
			}
			cell(header, c++, "Đơn vị thực hiện", bold);
			cell(header, c, "Nguồn kinh phí", bold);
			int r = 3;
			for (BudgetTable.Section s : b.sections()) {
				Row row = sheet.createRow(r++);
				sums(row, s.code(), s.title(), b.columns(), s.statedSubtotal(), s.computedSubtotal(), bold, flagged, number);
				for (BudgetTable.Line l : s.lines()) {
					Row line = sheet.createRow(r++);
					int i = 0;
					cell(line, i++, Objects.requireNonNullElse(l.number(), ""), text);
					cell(line, i++, l.content(), text);
					for (var col : b.columns()) {
						cell(line, i++, Objects.requireNonNullElse(l.amounts().get(col.key()), ""), text);
						i++;
					}
					cell(line, i++, Objects.requireNonNullElse(l.implementingUnit(), ""), text);
					cell(line, i, Objects.requireNonNullElse(l.fundingSource(), ""), text);
				}
			}
			sums(sheet.createRow(r++), "", "Tổng cộng", b.columns(), b.statedTotal(), b.computedTotal(), bold, flagged, number);
			Row all = sheet.createRow(r++);
			cell(all, 1, "Tổng (các giai đoạn)", bold);
			cell(all, 2, Objects.requireNonNullElse(b.statedTotal().get(BudgetTable.TOTAL), ""),
					BudgetTable.disagrees(b.statedTotal(), b.computedTotal(), BudgetTable.TOTAL) ? flagged : bold);
			numeric(all, 3, b.computedTotal().get(BudgetTable.TOTAL), number);
			r++;
			if (b.statedTotalDong() != null) {
				words(sheet, r++, "Theo văn bản: " + b.statedTotalDong() + " đồng", "Bằng chữ: " + b.statedTotalInWords(), text);
			}
			if (b.totalInWordsAsPrinted() != null) {
				words(sheet, r++, "Văn bản ghi bằng chữ", b.totalInWordsAsPrinted(), text);
			}
			words(sheet, r++, "Cộng lại từ các dòng: " + b.computedTotalDong() + " đồng", "Bằng chữ: " + b.computedTotalInWords(), text);
			sheet.setColumnWidth(0, 6 * 256);
			sheet.setColumnWidth(1, 60 * 256);
			for (int i = 2; i < columns - 2; i++) {
				sheet.setColumnWidth(i, 14 * 256);
			}
			sheet.setColumnWidth(columns - 2, 28 * 256);
			sheet.setColumnWidth(columns - 1, 24 * 256);
			sheet.createFreezePane(2, 3);

			Sheet list = workbook.createSheet("Không khớp");
			Row h = list.createRow(0);
			List<String> heads = List.of("Vị trí", "Cột", "Văn bản ghi", "Cộng lại được");
			for (int i = 0; i < heads.size(); i++) {
				cell(h, i, heads.get(i), bold);
			}
			int k = 1;
			for (BudgetTable.Disagreement d : b.disagreements()) {
				Row row = list.createRow(k++);
				cell(row, 0, d.where(), text);
				cell(row, 1, d.column(), text);
				cell(row, 2, d.stated(), flagged);
				cell(row, 3, d.computed(), text);
			}
			for (int i = 0; i < heads.size(); i++) {
				list.setColumnWidth(i, 18 * 256);
			}
			workbook.write(out);
			return out.toByteArray();
		}
		catch (IOException e) {
			throw new UncheckedIOException(e);
		}
	}

	/** "Mục II, cột 2013-2015: văn bản ghi 4, cộng lại được 2,5". */
	public static String disagreement(BudgetTable.Disagreement d) {
		return d.where() + ", cột " + d.column() + ": văn bản ghi " + d.stated() + ", cộng lại được " + d.computed();
	}

	/** A printed sum as printed, followed by the computed one when they differ: "4 ≠ Σ 2,5". */
	private static String sumCell(@Nullable Map<String, @Nullable String> stated, Map<String, BigDecimal> computed, String key) {
		String printed = stated == null ? null : stated.get(key);
		String sum = Vnd.printDecimal(computed.get(key));
		if (printed == null) {
			return "Σ " + sum;
		}
		return BudgetTable.disagrees(stated, computed, key) ? printed + " " + MISMATCH + " Σ " + sum : printed;
	}

	private static void sums(Row row, String code, String title, List<BudgetTable.Column> columns,
			@Nullable Map<String, @Nullable String> stated, Map<String, BigDecimal> computed, CellStyle bold, CellStyle flagged,
			CellStyle number) {
		int i = 0;
		cell(row, i++, code, bold);
		cell(row, i++, title, bold);
		for (var col : columns) {
			String printed = stated == null ? null : stated.get(col.key());
			cell(row, i++, Objects.requireNonNullElse(printed, ""), BudgetTable.disagrees(stated, computed, col.key()) ? flagged : bold);
			numeric(row, i++, computed.get(col.key()), number);
		}
	}

	private static void words(Sheet sheet, int r, String amount, String inWords, CellStyle style) {
		Row row = sheet.createRow(r);
		cell(row, 1, amount, style);
		cell(row, 2, inWords, style);
		sheet.addMergedRegion(new CellRangeAddress(r, r, 2, 7));
	}

	private static void numeric(Row row, int i, @Nullable BigDecimal value, CellStyle style) {
		var cell = row.createCell(i);
		if (value != null) {
			cell.setCellValue(value.doubleValue());
		}
		cell.setCellStyle(style);
	}

	private static void cell(Row row, int i, String value, CellStyle style) {
		var cell = row.createCell(i);
		cell.setCellValue(value);
		cell.setCellStyle(style);
	}

	private static CellStyle style(XSSFWorkbook workbook, boolean bold, boolean flagged) {
		return PlanExport.style(workbook, bold, flagged);
	}
}
