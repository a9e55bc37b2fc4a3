package vn.ttdn.planning;

import java.io.ByteArrayOutputStream;
import java.math.BigInteger;

import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.apache.poi.xwpf.usermodel.XWPFTable;
import org.apache.poi.xwpf.usermodel.XWPFTableRow;

/** Appendix files as officials send them, made for the tests. */
public final class AppendixImportTestFiles {

	private AppendixImportTestFiles() {
	}

	/** A .docx as officials send it: title above, header repeated at a page break, a merged group row, a row continued. */
	public static byte[] messyDocx() throws Exception {
		try (var doc = new XWPFDocument(); var out = new ByteArrayOutputStream()) {
			doc.createParagraph().createRun().setText("PHỤ LỤC NHIỆM VỤ");
			XWPFTable table = doc.createTable(1, 5);
			fill(table.getRow(0), "TT", "Nội dung, quy mô công việc", "Tiến độ thời gian", "Cơ quan phụ trách", "Cơ quan phối hợp");
			XWPFTableRow group = table.createRow();
			fill(group, "I", "SỞ THÔNG TIN VÀ TRUYỀN THÔNG", "", "", "");
			group.getCell(1).getCTTc().addNewTcPr().addNewGridSpan().setVal(BigInteger.valueOf(4));
			group.removeCell(4);
			group.removeCell(3);
			group.removeCell(2);
			XWPFTableRow first = table.createRow();
			fill(first, "1", "Theo dõi và tổng hợp dư luận báo chí ngoài nước", "Hàng quý", "Sở TTTT", "Thông tấn xã Việt Nam");
			first.getCell(1).addParagraph().createRun().setText("về thành phố Hà Nội.");
			fill(table.createRow(), "TT", "Nội dung, quy mô công việc", "Tiến độ thời gian", "Cơ quan phụ trách", "Cơ quan phối hợp");
			fill(table.createRow(), "", "(tiếp theo) kèm báo cáo chuyên đề", "", "", "");
			fill(table.createRow(), "2", "Tập huấn cán bộ phụ trách thông tin đối ngoại", "Quý III/2023",
					"sở thông tin và truyền thông", "UBND quận, huyện, thị xã; Thông tấn xã Việt Nam");
			fill(table.createRow(), "3", "Quảng bá phố cổ", "Tháng 10/2023", "Ban Quản lý phố cổ Hà Nội", "");
			doc.write(out);
			return out.toByteArray();
		}
	}

	static void fill(XWPFTableRow row, String... cells) {
		while (row.getTableCells().size() < cells.length) {
			row.addNewTableCell();
		}
		for (int i = 0; i < cells.length; i++) {
			row.getCell(i).setText(cells[i]);
		}
	}

}
