package vn.ttdn.shared;

import java.io.ByteArrayOutputStream;
import java.time.LocalDate;
import java.util.List;

import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Writes one small Word document and one workbook in the background once the application is
 * ready, so that the first export a user asks for does not pay for loading Apache POI's document
 * model (its XML schema classes take seconds to load the first time).
 */
@Component
class OfficeWarmUp {

	private static final Logger log = LoggerFactory.getLogger(OfficeWarmUp.class);

	@EventListener(ApplicationReadyEvent.class)
	void warmUp() {
		Thread.ofVirtual().name("office-warm-up").start(() -> {
			long started = System.nanoTime();
			try (var doc = new OfficialDocx(); var workbook = new XSSFWorkbook(); var out = new ByteArrayOutputStream()) {
				doc.heading(List.of("Ủy ban nhân dân", "Thành phố"), "1/KH-UBND", "Hà Nội", LocalDate.of(2026, 1, 1));
				doc.title("Kế hoạch", "Khởi động");
				var table = doc.table(List.of("TT", "Nội dung"), List.of(10, 90));
				OfficialDocx.row(table, List.of("1", "Nội dung"), false);
				doc.closing(List.of("Lưu: VT"), "Chủ tịch", "Người ký", "TM. ỦY BAN NHÂN DÂN");
				doc.toBytes();
				var sheet = workbook.createSheet("Khởi động");
				sheet.createRow(0).createCell(0).setCellValue("Khởi động");
				sheet.getRow(0).getCell(0).setCellStyle(OfficialXlsx.style(workbook, true, false));
				workbook.write(out);
				log.info("Office document model loaded in {} ms", (System.nanoTime() - started) / 1_000_000);
			}
			catch (Exception | LinkageError e) {
				log.warn("Office document model not loaded in advance: {}", e.toString());
			}
		});
	}
}
