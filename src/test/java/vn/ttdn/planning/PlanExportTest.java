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
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.apache.poi.xwpf.usermodel.XWPFParagraph;
import org.apache.poi.xwpf.usermodel.XWPFTable;
import org.apache.poi.xwpf.usermodel.XWPFTableRow;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import vn.ttdn.IntegrationTest;

/** The 2023 plan (003) exported to .docx and .xlsx, read back: every task as it is in the plan. */
@IntegrationTest
class PlanExportTest {

	@Autowired
	MockMvc mvc;

	@Autowired
	JdbcClient jdbc;

	record Task(String group, int number, String content, String schedulePhrase, String leadText, String cooperatingText) {
		List<String> cells() {
			return List.of(String.valueOf(number), content, schedulePhrase, leadText, cooperatingText);
		}
	}

	long plan() {
		return jdbc.sql("select id from plan where number = '101/KH-UBND'").query(Long.class).single();
	}

	List<Task> tasks() {
		return jdbc.sql("""
				select group_code as "group", number, content, schedule_phrase, lead_text, cooperating_text
				from plan_task where plan_id = ? order by position""").param(plan()).query(Task.class).list();
	}

	byte[] download(String format) throws Exception {
		return mvc.perform(get("/api/v1/plans/{id}/export", plan()).param("format", format).with(as("hn.lanhdao")))
			.andExpect(status().isOk())
			.andReturn().getResponse().getContentAsByteArray();
	}

	@Test
	void theSpreadsheetHoldsEveryTaskOfTheAppendix() throws Exception {
		try (var workbook = new XSSFWorkbook(new ByteArrayInputStream(download("xlsx")))) {
			var sheet = workbook.getSheetAt(0);
			var format = new DataFormatter();
			assertThat(format.formatCellValue(sheet.getRow(1).getCell(1))).isEqualTo("Nội dung, quy mô công việc");
			List<List<String>> rows = new ArrayList<>();
			List<String> groups = new ArrayList<>();
			for (Row row : sheet) {
				if (row.getRowNum() < 2) {
					continue;
				}
				String first = format.formatCellValue(row.getCell(0));
				if (first.matches("[IVX]+")) {
					groups.add(first);
				}
				else {
					List<String> cells = new ArrayList<>();
					for (int i = 0; i < 5; i++) {
						cells.add(format.formatCellValue(row.getCell(i)));
					}
					rows.add(cells);
				}
			}
			assertThat(groups).containsExactly("I", "II", "III", "IV", "V", "VI", "VII", "VIII", "IX", "X");
			assertThat(rows).containsExactlyElementsOf(tasks().stream().map(Task::cells).toList());
			assertThat(workbook.getFontAt(sheet.getRow(3).getCell(1).getCellStyle().getFontIndex()).getFontName())
				.isEqualTo("Times New Roman");
		}
	}

	/** Nghị định 30/2020/NĐ-CP: national title and motto, number, place and date, Times New Roman, A4. */
	@Test
	void theWordDocumentIsInTheStateFormatWithTheAppendix() throws Exception {
		try (var doc = new XWPFDocument(new ByteArrayInputStream(download("docx")))) {
			XWPFTable heading = doc.getTables().getFirst();
			String left = heading.getRow(0).getCell(0).getText();
			String right = heading.getRow(0).getCell(1).getText();
			assertThat(left).contains("ỦY BAN NHÂN DÂN").contains("THÀNH PHỐ HÀ NỘI").contains("Số: 101/KH-UBND");
			assertThat(right).contains("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM").contains("Độc lập - Tự do - Hạnh phúc")
				.contains("Hà Nội, ngày 23 tháng 3 năm 2023");
			List<String> body = doc.getParagraphs().stream().map(XWPFParagraph::getText).toList();
			assertThat(body).contains("KẾ HOẠCH", "Tổ chức hoạt động thông tin đối ngoại năm 2023", "I. MỤC ĐÍCH, YÊU CẦU");
			// Times New Roman is the document's default, and no run sets another font.
			var defaults = doc.getStyle().getDocDefaults().getRPrDefault().getRPr();
			assertThat(defaults.getRFontsArray(0).getAscii()).isEqualTo("Times New Roman");
			assertThat(defaults.getRFontsArray(0).getHAnsi()).isEqualTo("Times New Roman");
			assertThat(doc.getParagraphs().stream().flatMap(p -> p.getRuns().stream()).map(r -> r.getFontFamily())
				.filter(font -> font != null && !font.equals("Times New Roman"))).isEmpty();
			assertThat(String.valueOf(doc.getDocument().getBody().getSectPr().getPgSz().getW())).isEqualTo("11906");

			XWPFTable appendix = doc.getTables().getLast();
			assertThat(appendix.getRow(0).isRepeatHeader()).isTrue();
			List<List<String>> rows = new ArrayList<>();
			for (XWPFTableRow row : appendix.getRows().subList(1, appendix.getRows().size())) {
				String first = row.getCell(0).getText();
				if (!first.matches("[IVX]+")) {
					rows.add(java.util.stream.IntStream.range(0, 5).mapToObj(i -> row.getCell(i).getText()).toList());
				}
			}
			assertThat(rows).hasSize(49);
			// Word keeps the lines of a cell as paragraphs; compare line by line.
			List<List<String>> expected = tasks().stream()
				.map(t -> t.cells().stream().map(c -> c.replace("\n", "")).toList())
				.toList();
			assertThat(rows).containsExactlyElementsOf(expected);
		}
	}

	@Test
	void anUnknownFormatIsNotFound() throws Exception {
		mvc.perform(get("/api/v1/plans/{id}/export", plan()).param("format", "pdf").with(as("hn.lanhdao")))
			.andExpect(status().isNotFound());
	}
}
