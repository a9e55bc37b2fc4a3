package vn.ttdn.shared;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigInteger;
import java.time.LocalDate;
import java.util.List;

import org.apache.poi.xwpf.usermodel.ParagraphAlignment;
import org.apache.poi.xwpf.usermodel.TableRowAlign;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.apache.poi.xwpf.usermodel.XWPFParagraph;
import org.apache.poi.xwpf.usermodel.XWPFRun;
import org.apache.poi.xwpf.usermodel.XWPFTable;
import org.apache.poi.xwpf.usermodel.XWPFTableCell;
import org.jspecify.annotations.Nullable;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTFonts;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTPageMar;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTRPr;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTPageSz;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTSectPr;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTStyles;

/**
 * A Word document in the state format for administrative documents (Nghị định 30/2020/NĐ-CP,
 * Phụ lục I): A4, margins top and bottom 20 mm, left 30 mm, right 15 mm, Times New Roman 13–14;
 * the heading with the issuing body and number on the left and the national title, motto, place
 * and date on the right.
 */
public final class OfficialDocx implements AutoCloseable {

	public static final String FONT = "Times New Roman";
	private static final int MM = 57; // twips per millimetre (1 mm ≈ 56.7 twips)
	private static final int BODY_SIZE = 14;

	private final XWPFDocument document = new XWPFDocument();

	public OfficialDocx() {
		// Times New Roman 14 for every run unless it says otherwise: one declaration in the styles
		// instead of four properties on each of the thousands of runs of a large report.
		CTStyles styles = CTStyles.Factory.newInstance();
		CTRPr defaults = styles.addNewDocDefaults().addNewRPrDefault().addNewRPr();
		CTFonts fonts = defaults.addNewRFonts();
		fonts.setAscii(FONT);
		fonts.setHAnsi(FONT);
		fonts.setCs(FONT);
		fonts.setEastAsia(FONT);
		defaults.addNewSz().setVal(BigInteger.valueOf(2 * BODY_SIZE));
		defaults.addNewSzCs().setVal(BigInteger.valueOf(2 * BODY_SIZE));
		document.createStyles().setStyles(styles);
		CTSectPr section = document.getDocument().getBody().addNewSectPr();
		CTPageSz size = section.addNewPgSz();
		size.setW(BigInteger.valueOf(11906));
		size.setH(BigInteger.valueOf(16838));
		CTPageMar margins = section.addNewPgMar();
		margins.setTop(BigInteger.valueOf(20 * MM));
		margins.setBottom(BigInteger.valueOf(20 * MM));
		margins.setLeft(BigInteger.valueOf(30 * MM));
		margins.setRight(BigInteger.valueOf(15 * MM));
	}

	/**
	 * The heading: "ỦY BAN NHÂN DÂN / THÀNH PHỐ HÀ NỘI", "Số: 101/KH-UBND" | "CỘNG HÒA XÃ HỘI CHỦ
	 * NGHĨA VIỆT NAM", "Độc lập - Tự do - Hạnh phúc", "Hà Nội, ngày 23 tháng 3 năm 2023".
	 */
	public void heading(List<String> issuer, @Nullable String number, @Nullable String place, @Nullable LocalDate date) {
		XWPFTable table = document.createTable(1, 2);
		table.removeBorders();
		table.setWidth("100%");
		XWPFTableCell left = table.getRow(0).getCell(0);
		XWPFTableCell right = table.getRow(0).getCell(1);
		left.setWidth("40%");
		right.setWidth("60%");
		XWPFParagraph first = left.getParagraphs().getFirst();
		for (int i = 0; i < issuer.size(); i++) {
			XWPFParagraph p = i == 0 ? first : left.addParagraph();
			p.setAlignment(ParagraphAlignment.CENTER);
			run(p, issuer.get(i).toUpperCase(java.util.Locale.forLanguageTag("vi")), 13, i == issuer.size() - 1, false);
		}
		if (number != null) {
			XWPFParagraph p = left.addParagraph();
			p.setAlignment(ParagraphAlignment.CENTER);
			run(p, "Số: " + number, 13, false, false);
		}
		XWPFParagraph motto = right.getParagraphs().getFirst();
		motto.setAlignment(ParagraphAlignment.CENTER);
		run(motto, "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", 13, true, false);
		XWPFParagraph independence = right.addParagraph();
		independence.setAlignment(ParagraphAlignment.CENTER);
		run(independence, "Độc lập - Tự do - Hạnh phúc", 14, true, false);
		if (place != null && date != null) {
			XWPFParagraph when = right.addParagraph();
			when.setAlignment(ParagraphAlignment.CENTER);
			run(when, place + ", ngày " + date.getDayOfMonth() + " tháng " + date.getMonthValue() + " năm " + date.getYear(), 14,
					false, true);
		}
	}

	/** The kind of document and its subject, centred and bold ("KẾ HOẠCH" / "Tổ chức hoạt động …"). */
	public void title(String kind, @Nullable String subject) {
		XWPFParagraph p = document.createParagraph();
		p.setAlignment(ParagraphAlignment.CENTER);
		p.setSpacingBefore(240);
		run(p, kind.toUpperCase(java.util.Locale.forLanguageTag("vi")), 14, true, false);
		if (subject != null) {
			XWPFParagraph s = document.createParagraph();
			s.setAlignment(ParagraphAlignment.CENTER);
			run(s, subject, 14, true, false);
		}
	}

	/** A paragraph of body text, justified, with a first-line indent. */
	public void paragraph(String text) {
		XWPFParagraph p = document.createParagraph();
		p.setAlignment(ParagraphAlignment.BOTH);
		p.setIndentationFirstLine(10 * MM);
		p.setSpacingAfter(60);
		run(p, text, 14, false, false);
	}

	/** A bold heading inside the body ("I. MỤC ĐÍCH, YÊU CẦU"). */
	public void sectionHeading(String text) {
		XWPFParagraph p = document.createParagraph();
		p.setSpacingBefore(120);
		p.setIndentationFirstLine(10 * MM);
		run(p, text, 14, true, false);
	}

	/** "Nơi nhận" on the left, the signature block on the right. */
	public void closing(List<String> recipients, @Nullable String signerTitle, @Nullable String signer, String onBehalf) {
		XWPFTable table = document.createTable(1, 2);
		table.removeBorders();
		table.setWidth("100%");
		XWPFTableCell left = table.getRow(0).getCell(0);
		XWPFTableCell right = table.getRow(0).getCell(1);
		run(left.getParagraphs().getFirst(), "Nơi nhận:", 12, true, true);
		for (String r : recipients) {
			run(left.addParagraph(), "- " + r + ";", 11, false, false);
		}
		XWPFParagraph on = right.getParagraphs().getFirst();
		on.setAlignment(ParagraphAlignment.CENTER);
		run(on, onBehalf, 14, true, false);
		if (signerTitle != null) {
			for (String line : signerTitle.split(",\\s*")) {
				XWPFParagraph p = right.addParagraph();
				p.setAlignment(ParagraphAlignment.CENTER);
				run(p, line.toUpperCase(java.util.Locale.forLanguageTag("vi")), 14, true, false);
			}
		}
		XWPFParagraph space = right.addParagraph();
		space.setSpacingAfter(1200);
		if (signer != null) {
			XWPFParagraph p = right.addParagraph();
			p.setAlignment(ParagraphAlignment.CENTER);
			run(p, signer, 14, true, false);
		}
	}

	/** Starts a new page. */
	public void pageBreak() {
		document.createParagraph().setPageBreak(true);
	}

	/** A table with a header row repeated on every page; returns it for the caller to fill. */
	public XWPFTable table(List<String> header, List<Integer> widthsPercent) {
		XWPFTable table = document.createTable(1, header.size());
		table.setWidth("100%");
		table.setTableAlignment(TableRowAlign.CENTER);
		var row = table.getRow(0);
		row.setRepeatHeader(true);
		for (int i = 0; i < header.size(); i++) {
			XWPFTableCell cell = row.getCell(i);
			cell.setWidth(widthsPercent.get(i) + "%");
			XWPFParagraph p = cell.getParagraphs().getFirst();
			p.setAlignment(ParagraphAlignment.CENTER);
			run(p, header.get(i), 12, true, false);
		}
		return table;
	}

	/** Adds a row of cells (text with line breaks kept) to a table made by {@link #table}. */
	public static void row(XWPFTable table, List<String> cells, boolean bold) {
		var row = table.createRow();
		for (int i = 0; i < cells.size(); i++) {
			XWPFTableCell cell = row.getCell(i);
			String[] lines = cells.get(i) == null ? new String[] { "" } : cells.get(i).split("\n");
			for (int l = 0; l < lines.length; l++) {
				XWPFParagraph p = l == 0 ? cell.getParagraphs().getFirst() : cell.addParagraph();
				run(p, lines[l], 12, bold, false);
			}
		}
	}

	public static XWPFRun run(XWPFParagraph paragraph, String text, int size, boolean bold, boolean italic) {
		XWPFRun run = paragraph.createRun();
		if (size != BODY_SIZE) {
			run.setFontSize(size);
		}
		if (bold) {
			run.setBold(true);
		}
		if (italic) {
			run.setItalic(true);
		}
		run.setText(text);
		return run;
	}

	public byte[] toBytes() {
		try (var out = new ByteArrayOutputStream()) {
			document.write(out);
			return out.toByteArray();
		}
		catch (IOException e) {
			throw new UncheckedIOException(e);
		}
	}

	@Override
	public void close() throws IOException {
		document.close();
	}
}
