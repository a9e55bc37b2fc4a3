package vn.ttdn.shared;

import org.apache.poi.ss.usermodel.BorderStyle;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.FillPatternType;
import org.apache.poi.ss.usermodel.Font;
import org.apache.poi.ss.usermodel.IndexedColors;
import org.apache.poi.ss.usermodel.VerticalAlignment;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;

/** The cells of the spreadsheets the system exports: the font of official documents, wrapped, top-aligned, bordered. */
public final class OfficialXlsx {

	private OfficialXlsx() {
	}

	/** Times New Roman 12, bold or not; a flagged cell (a figure that needs attention) is dark red on yellow. */
	public static CellStyle style(XSSFWorkbook workbook, boolean bold, boolean flagged) {
		Font font = workbook.createFont();
		font.setFontName(OfficialDocx.FONT);
		font.setFontHeightInPoints((short) 12);
		font.setBold(bold);
		if (flagged) {
			font.setColor(IndexedColors.DARK_RED.getIndex());
		}
		CellStyle style = workbook.createCellStyle();
		style.setFont(font);
		style.setWrapText(true);
		style.setVerticalAlignment(VerticalAlignment.TOP);
		style.setBorderTop(BorderStyle.THIN);
		style.setBorderBottom(BorderStyle.THIN);
		style.setBorderLeft(BorderStyle.THIN);
		style.setBorderRight(BorderStyle.THIN);
		if (flagged) {
			style.setFillForegroundColor(IndexedColors.LIGHT_YELLOW.getIndex());
			style.setFillPattern(FillPatternType.SOLID_FOREGROUND);
		}
		return style;
	}
}
