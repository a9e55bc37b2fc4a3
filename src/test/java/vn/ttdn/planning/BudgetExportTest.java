package vn.ttdn.planning;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;
import static vn.ttdn.Accounts.as;

import java.io.ByteArrayInputStream;
import java.util.ArrayList;
import java.util.List;

import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.apache.poi.xwpf.extractor.XWPFWordExtractor;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.apache.poi.xwpf.usermodel.XWPFTable;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import vn.ttdn.IntegrationTest;

/**
 * 001's budget estimate table exported and read back: every amount as printed, the sums of the
 * lines beside the printed subtotals, each disagreement marked and listed, the totals in words.
 */
@IntegrationTest
class BudgetExportTest {

	@Autowired
	MockMvc mvc;

	@Autowired
	JdbcClient jdbc;

	byte[] download(String format) throws Exception {
		long id = jdbc.sql("select id from programme where decision_number = '3734/QĐ-UBND'").query(Long.class).single();
		return mvc.perform(get("/api/v1/programmes/{id}/budget/export", id).param("format", format).with(as("hn.taichinh")))
			.andExpect(status().isOk())
			.andReturn().getResponse().getContentAsByteArray();
	}

	@Test
	void theWordTableKeepsThePrintedAmountsAndMarksEverySumThatDoesNotAddUp() throws Exception {
		try (var doc = new XWPFDocument(new ByteArrayInputStream(download("docx")))) {
			XWPFTable table = doc.getTables().get(1);
			List<String> rows = new ArrayList<>();
			table.getRows().forEach(r -> rows.add(String.join(" | ", r.getTableCells().stream().map(c -> c.getText()).toList())));
			// 5 sections, 18 lines, the header and the total
			assertThat(rows).hasSize(1 + 5 + 18 + 1);
			assertThat(rows).anySatisfy(r -> assertThat(r).startsWith("II | ").contains("4 ≠ Σ 2,5").contains("4,907 ≠ Σ 4,407"));
			assertThat(rows).anySatisfy(r -> assertThat(r).startsWith("III | ").contains("1,5 ≠ Σ 6,5"));
			assertThat(rows.getLast()).contains("Tổng cộng").contains("45,89 ≠ Σ 44,39").contains("106,972 ≠ Σ 109,972");
			// a line keeps the amounts as printed ("0,7", "1,25")
			assertThat(rows).anySatisfy(r -> assertThat(r).contains("0,7 | 1,25"));
			String text = new XWPFWordExtractor(doc).getText();
			assertThat(text).contains("BIỂU KHÁI TOÁN KINH PHÍ", "Đơn vị tính: Tỷ đồng",
					"Tổng kinh phí theo văn bản: 106.972.000.000 đồng (Bằng chữ: Một trăm linh sáu tỷ chín trăm bảy mươi hai triệu đồng)",
					"Cộng lại từ các dòng: 109.972.000.000 đồng (Bằng chữ: Một trăm linh chín tỷ chín trăm bảy mươi hai triệu đồng)",
					"Mục II, cột 2013-2015: văn bản ghi 4, cộng lại được 2,5",
					"Tổng cộng, cột Tổng: văn bản ghi 106,972, cộng lại được 109,972");
		}
	}

	@Test
	void theSpreadsheetHasPrintedAndComputedColumnsAndASheetOfDisagreements() throws Exception {
		var fmt = new DataFormatter();
		try (var workbook = new XSSFWorkbook(new ByteArrayInputStream(download("xlsx")))) {
			var sheet = workbook.getSheet("Biểu khái toán");
			List<String> heads = new ArrayList<>();
			sheet.getRow(2).forEach(c -> heads.add(fmt.formatCellValue(c)));
			assertThat(heads).containsExactly("TT", "Nội dung", "2013-2015 (văn bản)", "2013-2015 (cộng lại)", "2016-2020 (văn bản)",
					"2016-2020 (cộng lại)", "Đơn vị thực hiện", "Nguồn kinh phí");
			Row section2 = null;
			for (Row row : sheet) {
				if ("II".equals(fmt.formatCellValue(row.getCell(0)))) {
					section2 = row;
				}
			}
			assertThat(section2).isNotNull();
			assertThat(fmt.formatCellValue(section2.getCell(2))).isEqualTo("4");
			assertThat(section2.getCell(3).getNumericCellValue()).isEqualTo(2.5);
			assertThat(fmt.formatCellValue(section2.getCell(4))).isEqualTo("4,907");
			assertThat(section2.getCell(5).getNumericCellValue()).isEqualTo(4.407);
			List<String> texts = new ArrayList<>();
			sheet.forEach(r -> r.forEach(c -> texts.add(fmt.formatCellValue(c))));
			assertThat(texts).contains("Bằng chữ: Một trăm linh sáu tỷ chín trăm bảy mươi hai triệu đồng",
					"Bằng chữ: Một trăm linh chín tỷ chín trăm bảy mươi hai triệu đồng");
			var list = workbook.getSheet("Không khớp");
			List<String> disagreements = new ArrayList<>();
			for (int r = 1; r <= list.getLastRowNum(); r++) {
				Row row = list.getRow(r);
				disagreements.add(fmt.formatCellValue(row.getCell(0)) + " " + fmt.formatCellValue(row.getCell(1)) + " "
						+ fmt.formatCellValue(row.getCell(2)) + "≠" + fmt.formatCellValue(row.getCell(3)));
			}
			assertThat(disagreements).containsExactly("Mục II 2013-2015 4≠2,5", "Mục II 2016-2020 4,907≠4,407",
					"Mục III 2016-2020 1,5≠6,5", "Tổng cộng 2013-2015 45,89≠44,39", "Tổng cộng 2016-2020 61,082≠65,582",
					"Tổng cộng Tổng 106,972≠109,972");
		}
	}

	@Test
	void anUnknownFormatIsNotFound() throws Exception {
		long id = jdbc.sql("select id from programme where decision_number = '3734/QĐ-UBND'").query(Long.class).single();
		mvc.perform(get("/programmes/{id}/budget.pdf", id).with(as("hn.lanhdao"))).andExpect(status().isNotFound());
		mvc.perform(get("/programmes/{id}/budget.docx", id).with(as("hn.lanhdao"))).andExpect(status().isOk());
	}
}
