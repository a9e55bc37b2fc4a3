package vn.ttdn.planning;

import java.util.function.Supplier;

import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import vn.ttdn.shared.NotFound;

/** Word and Excel files handed to the browser or an API client as attachments. */
final class Downloads {

	static final MediaType DOCX = MediaType.parseMediaType("application/vnd.openxmlformats-officedocument.wordprocessingml.document");
	static final MediaType XLSX = MediaType.parseMediaType("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");

	private Downloads() {
	}

	/** {@code format} is "docx" or "xlsx"; anything else is not found. */
	static ResponseEntity<byte[]> office(String baseName, String format, Supplier<byte[]> docx, Supplier<byte[]> xlsx) {
		boolean word = "docx".equals(format);
		if (!word && !"xlsx".equals(format)) {
			throw new NotFound("format", format);
		}
		return ResponseEntity.ok()
			.header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"" + baseName + "." + format + "\"")
			.contentType(word ? DOCX : XLSX)
			.body(word ? docx.get() : xlsx.get());
	}
}
