package vn.ttdn.shared.files;

import java.util.Locale;
import java.util.Map;

import org.jspecify.annotations.Nullable;
import vn.ttdn.shared.UserError;

/**
 * Files accepted as evidence: PDF, images and Office documents, recognised by their content (the
 * first bytes), not by the name they were given; at most 20 MB.
 */
public final class Evidence {

	public static final long MAX_BYTES = 20L * 1024 * 1024;

	private static final Map<String, String> TYPES = Map.of("pdf", "application/pdf", "png", "image/png", "jpg",
			"image/jpeg", "jpeg", "image/jpeg", "docx",
			"application/vnd.openxmlformats-officedocument.wordprocessingml.document", "xlsx",
			"application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");

	private Evidence() {
	}

	/** The content type of an accepted file, or a refusal the user can read. */
	public static String check(@Nullable String filename, byte[] content) {
		if (content.length == 0) {
			throw new UserError("error.import.empty");
		}
		if (content.length > MAX_BYTES) {
			throw new UserError("error.import.tooLarge", MAX_BYTES / (1024 * 1024));
		}
		String name = filename == null ? "" : filename.toLowerCase(Locale.ROOT);
		String extension = name.contains(".") ? name.substring(name.lastIndexOf('.') + 1) : "";
		String type = TYPES.get(extension);
		if (type == null) {
			throw new UserError("error.file.type");
		}
		boolean matches = switch (extension) {
			case "pdf" -> startsWith(content, "%PDF-".getBytes(java.nio.charset.StandardCharsets.US_ASCII));
			case "png" -> startsWith(content, new byte[] { (byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n' });
			case "jpg", "jpeg" -> startsWith(content, new byte[] { (byte) 0xff, (byte) 0xd8, (byte) 0xff });
			default -> startsWith(content, new byte[] { 'P', 'K', 3, 4 });
		};
		if (!matches) {
			throw new UserError("error.file.contentMismatch", filename);
		}
		return type;
	}

	private static boolean startsWith(byte[] content, byte[] magic) {
		if (content.length < magic.length) {
			return false;
		}
		for (int i = 0; i < magic.length; i++) {
			if (content[i] != magic[i]) {
				return false;
			}
		}
		return true;
	}
}
