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
 * Writes Word documents and a workbook in the background once the application is ready, so that
 * the first export a user asks for does not pay for loading Apache POI's document model (its XML
 * schema classes take seconds to load the first time) nor run it in the interpreter: a report of
 * a thousand units is several thousand paragraphs and a table of fifteen thousand cells, which the
 * JVM makes about five times faster once it has compiled the code that writes them. A few
 * documents of that shape are written (a few seconds of one CPU) and thrown away.
 */
@Component
class OfficeWarmUp {

	private static final Logger log = LoggerFactory.getLogger(OfficeWarmUp.class);

	private static final int WARM_UP_ROUNDS = 4;

	/** A document shaped like a consolidated report: paragraphs, then an annex table of many rows. */
	private static void representative() {
		try (var doc = new OfficialDocx()) {
			doc.title("Báo cáo", "Khởi động");
			for (int i = 0; i < 1_000; i++) {
				doc.paragraph("Đơn vị " + i + ": nội dung báo cáo công tác thông tin đối ngoại.");
			}
			var table = doc.table(List.of("TT", "Cơ quan, đơn vị", "Chỉ tiêu 1", "Chỉ tiêu 2", "Chỉ tiêu 3"),
					List.of(10, 45, 15, 15, 15));
			for (int i = 0; i < 300; i++) {
				OfficialDocx.row(table, List.of(String.valueOf(i), "Đơn vị " + i, "1", "2", "3"), false);
			}
			doc.toBytes();
		}
		catch (java.io.IOException e) {
			throw new java.io.UncheckedIOException(e);
		}
	}

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
				for (int round = 0; round < WARM_UP_ROUNDS; round++) {
					representative();
				}
				var sheet = workbook.createSheet("Khởi động");
				sheet.createRow(0).createCell(0).setCellValue("Khởi động");
				sheet.getRow(0).getCell(0).setCellStyle(OfficialXlsx.style(workbook, true, false));
				workbook.write(out);
				log.info("Office document writer warmed up in {} ms", (System.nanoTime() - started) / 1_000_000);
			}
			catch (Exception | LinkageError e) {
				log.warn("Office document model not loaded in advance: {}", e.toString());
			}
		});
	}
}
