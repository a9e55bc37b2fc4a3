package vn.ttdn.reporting;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.springframework.stereotype.Component;
import vn.ttdn.organization.OrganizationQueries;
import vn.ttdn.shared.OfficialDocx;
import vn.ttdn.shared.Vnd;

/**
 * The consolidated report as a Word document in the state format for administrative documents
 * (Nghị định 30/2020/NĐ-CP: number, date, recipients), with the per-unit annex and the units late or
 * missing; and as a workbook with the same tables. The compliance matrix as a workbook.
 */
@Component
class ReportingExport {

	private final OrganizationQueries organization;

	ReportingExport(OrganizationQueries organization) {
		this.organization = organization;
	}

	/** "1.250" for counts, "106.972.000.000" for amounts in VND. */
	static String number(BigDecimal value) {
		return value.stripTrailingZeros().scale() <= 0 ? Vnd.format(value) : Vnd.printDecimal(value);
	}

	byte[] docx(ReportingQueries.PeriodView period, Consolidations.View view) {
		var content = view.content();
		var jurisdiction = organization.jurisdiction(period.jurisdictionCode());
		var department = organization.holders(period.jurisdictionCode(), ReportingPeriods.COORDINATING_ROLE,
				view.issuedOn() != null ? view.issuedOn() : period.lastOnTimeDay());
		List<String> issuer = new ArrayList<>(List.of("Ủy ban nhân dân " + jurisdiction.name()));
		department.stream().findFirst().ifPresent(d -> issuer.add(d.name()));
		try (var doc = new OfficialDocx()) {
			doc.heading(issuer, view.number(), place(jurisdiction.name()), view.issuedOn());
			doc.title("Báo cáo", period.title());
			if (view.status() == Consolidations.Status.DRAFT) {
				doc.paragraph("(Dự thảo)");
			}
			doc.paragraph("Tổng hợp từ báo cáo của " + content.accepted() + "/" + content.owed() + " cơ quan, đơn vị đã được tiếp nhận.");
			doc.sectionHeading("I. CÁC CHỈ TIÊU KẾT QUẢ");
			var totals = doc.table(List.of("TT", "Chỉ tiêu", "Đơn vị tính", "Tổng số"), List.of(8, 52, 18, 22));
			int i = 1;
			for (var t : content.indicators()) {
				OfficialDocx.row(totals, List.of(String.valueOf(i++), t.label(), t.unit(), number(t.total())), false);
			}
			int roman = 2;
			for (var section : content.sections()) {
				doc.sectionHeading(roman(roman++) + ". " + section.title().toUpperCase(Locale.forLanguageTag("vi")));
				String text = view.text(section);
				if (text.isBlank()) {
					doc.paragraph("Không có nội dung.");
				}
				for (String line : text.split("\n")) {
					if (!line.isBlank()) {
						doc.paragraph(line);
					}
				}
			}
			doc.sectionHeading(roman(roman) + ". TÌNH HÌNH GỬI BÁO CÁO");
			doc.paragraph("Đơn vị gửi chậm: " + (content.late().isEmpty() ? "không có."
					: String.join("; ", content.late().stream().map(m -> m.unitName() + " (chậm " + m.daysLate() + " ngày)").toList()) + "."));
			doc.paragraph("Đơn vị chưa gửi: " + (content.missing().isEmpty() ? "không có."
					: String.join("; ", content.missing().stream().map(Consolidations.Missing::unitName).toList()) + "."));
			List<String> recipients = new ArrayList<>(period.recipients());
			recipients.add("Lưu: VT");
			doc.closing(recipients, view.signerTitle(), view.signer(),
					department.isEmpty() ? "THỦ TRƯỞNG CƠ QUAN" : "GIÁM ĐỐC");
			doc.pageBreak();
			doc.title("Phụ lục", "Số liệu của từng cơ quan, đơn vị");
			List<String> header = new ArrayList<>(List.of("TT", "Cơ quan, đơn vị"));
			content.indicators().forEach(t -> header.add(t.label()));
			int share = Math.max(3, 70 / Math.max(1, content.indicators().size()));
			List<Integer> widths = new ArrayList<>(List.of(5, 25));
			content.indicators().forEach(t -> widths.add(share));
			var annex = doc.table(header, widths);
			int n = 1;
			for (var u : content.units()) {
				List<String> cells = new ArrayList<>(List.of(String.valueOf(n++), u.unitName()));
				content.indicators().forEach(t -> cells.add(u.values().containsKey(t.code()) ? number(u.values().get(t.code())) : ""));
				OfficialDocx.row(annex, cells, false);
			}
			List<String> sum = new ArrayList<>(List.of("", "Tổng cộng"));
			content.indicators().forEach(t -> sum.add(number(t.total())));
			OfficialDocx.row(annex, sum, true);
			return doc.toBytes();
		}
		catch (IOException e) {
			throw new UncheckedIOException(e);
		}
	}

	/** "Thành phố Hà Nội" → "Hà Nội", "Tỉnh Hà Nam" → "Hà Nam": the place in the heading's date line. */
	static String place(String jurisdictionName) {
		return jurisdictionName.replaceFirst("^(Thành phố|Tỉnh)\\s+", "");
	}

	private static String roman(int n) {
		String[] numerals = { "", "I", "II", "III", "IV", "V", "VI", "VII", "VIII", "IX", "X", "XI", "XII" };
		return n < numerals.length ? numerals[n] : String.valueOf(n);
	}

	byte[] xlsx(ReportingQueries.PeriodView period, Consolidations.View view) {
		var content = view.content();
		try (var workbook = new XSSFWorkbook(); var out = new ByteArrayOutputStream()) {
			CellStyle bold = style(workbook, true);
			CellStyle plain = style(workbook, false);
			Sheet totals = workbook.createSheet("Tổng hợp");
			row(totals, 0, bold, period.title());
			row(totals, 1, bold, "Chỉ tiêu", "Đơn vị tính", "Tổng số");
			int r = 2;
			for (var t : content.indicators()) {
				var row = row(totals, r++, plain, t.label(), t.unit());
				row.createCell(2).setCellValue(t.total().doubleValue());
			}
			totals.setColumnWidth(0, 60 * 256);
			totals.setColumnWidth(1, 14 * 256);
			totals.setColumnWidth(2, 20 * 256);

			Sheet annex = workbook.createSheet("Phụ lục theo đơn vị");
			List<String> header = new ArrayList<>(List.of("Cơ quan, đơn vị", "Ngày gửi", "Số ngày chậm"));
			content.indicators().forEach(t -> header.add(t.label()));
			row(annex, 0, bold, header.toArray(String[]::new));
			r = 1;
			for (var u : content.units()) {
				var row = row(annex, r++, plain, u.unitName(),
						u.firstSubmittedOn() == null ? "" : Reminders.DAY.format(u.firstSubmittedOn()));
				row.createCell(2).setCellValue(u.daysLate());
				int c = 3;
				for (var t : content.indicators()) {
					BigDecimal v = u.values().get(t.code());
					if (v != null) {
						row.createCell(c).setCellValue(v.doubleValue());
					}
					c++;
				}
			}
			annex.setColumnWidth(0, 50 * 256);
			annex.createFreezePane(1, 1);

			Sheet narrative = workbook.createSheet("Nội dung theo mục");
			row(narrative, 0, bold, "Mục", "Cơ quan, đơn vị", "Nội dung");
			r = 1;
			for (var s : content.sections()) {
				for (var c : s.contributions()) {
					row(narrative, r++, plain, s.title(), c.unitName(), c.text());
				}
			}
			narrative.setColumnWidth(0, 35 * 256);
			narrative.setColumnWidth(1, 35 * 256);
			narrative.setColumnWidth(2, 90 * 256);

			Sheet lateness = workbook.createSheet("Chậm, chưa gửi");
			row(lateness, 0, bold, "Cơ quan, đơn vị", "Tình trạng", "Số ngày chậm");
			r = 1;
			for (var m : content.late()) {
				row(lateness, r++, plain, m.unitName(), "Gửi chậm").createCell(2).setCellValue(m.daysLate());
			}
			for (var m : content.missing()) {
				row(lateness, r++, plain, m.unitName(), "Chưa gửi").createCell(2).setCellValue(m.daysLate());
			}
			lateness.setColumnWidth(0, 50 * 256);
			lateness.setColumnWidth(1, 16 * 256);
			workbook.write(out);
			return out.toByteArray();
		}
		catch (IOException e) {
			throw new UncheckedIOException(e);
		}
	}

	/** Units × periods, one cell per report owed, with the state in words. */
	byte[] complianceXlsx(ReportingQueries.Matrix matrix, java.util.function.Function<ComplianceState, String> label) {
		try (var workbook = new XSSFWorkbook(); var out = new ByteArrayOutputStream()) {
			CellStyle bold = style(workbook, true);
			CellStyle plain = style(workbook, false);
			Sheet sheet = workbook.createSheet("Tình hình báo cáo " + matrix.year());
			List<String> header = new ArrayList<>(List.of("Cơ quan, đơn vị"));
			matrix.columns().forEach(c -> header.add(c.title() + " (hạn " + Reminders.DAY.format(c.lastOnTimeDay()) + ")"));
			row(sheet, 0, bold, header.toArray(String[]::new));
			int r = 1;
			for (var row : matrix.rows()) {
				List<String> cells = new ArrayList<>(List.of(row.unitName()));
				row.cells().forEach(s -> cells.add(s == null ? "" : label.apply(s)));
				row(sheet, r++, plain, cells.toArray(String[]::new));
			}
			sheet.setColumnWidth(0, 50 * 256);
			for (int c = 1; c < header.size(); c++) {
				sheet.setColumnWidth(c, 22 * 256);
			}
			sheet.createFreezePane(1, 1);
			workbook.write(out);
			return out.toByteArray();
		}
		catch (IOException e) {
			throw new UncheckedIOException(e);
		}
	}

	static org.apache.poi.ss.usermodel.Row row(Sheet sheet, int index, CellStyle style, String... cells) {
		var row = sheet.createRow(index);
		for (int i = 0; i < cells.length; i++) {
			var cell = row.createCell(i);
			cell.setCellValue(cells[i]);
			cell.setCellStyle(style);
		}
		return row;
	}

	static CellStyle style(XSSFWorkbook workbook, boolean bold) {
		return vn.ttdn.shared.OfficialXlsx.style(workbook, bold, false);
	}
}
