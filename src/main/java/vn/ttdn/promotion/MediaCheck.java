package vn.ttdn.promotion;

import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Iterator;
import java.util.Locale;
import java.util.Map;

import javax.imageio.IIOImage;
import javax.imageio.ImageIO;
import javax.imageio.ImageReader;
import javax.imageio.ImageWriteParam;
import javax.imageio.ImageWriter;
import javax.imageio.stream.ImageInputStream;
import javax.imageio.stream.MemoryCacheImageOutputStream;

import org.jspecify.annotations.Nullable;
import vn.ttdn.shared.UserError;
import vn.ttdn.shared.files.FileStorage;

/**
 * Media accepted into the collection: JPEG and PNG images, MP4 and WebM video, PDF — recognised by
 * their content and matching the name's extension; bounded in bytes and, for images, in pixels
 * (read from the header before anything is decoded, so that a small file cannot claim a huge
 * picture). Images get a thumbnail and a web-size rendition, re-encoded from the pixels alone, so
 * that no metadata (camera, GPS location) reaches the public.
 */
public final class MediaCheck {

	public static final long MAX_BYTES = 20L * 1024 * 1024;
	public static final int MAX_SIDE = 12_000;
	public static final long MAX_PIXELS = 60_000_000L;
	static final int WEB_WIDTH = 1280;
	static final int THUMB_WIDTH = 360;

	private static final Map<String, MediaKind> EXTENSIONS = Map.of("jpg", MediaKind.IMAGE, "jpeg", MediaKind.IMAGE,
			"png", MediaKind.IMAGE, "mp4", MediaKind.VIDEO, "webm", MediaKind.VIDEO, "pdf", MediaKind.PDF);

	private MediaCheck() {
	}

	/** A file that passed the checks. */
	public record Checked(String filename, MediaKind kind, String contentType, long size, @Nullable Integer width,
			@Nullable Integer height, byte[] content) {
	}

	/** Where its original and renditions were stored. */
	public record Stored(String originalKey, @Nullable String webKey, @Nullable String thumbKey) {
	}

	public static Checked check(@Nullable String filename, byte[] content) {
		String name = filename == null ? "" : filename.strip();
		if (content.length == 0) {
			throw new UserError("error.import.empty");
		}
		if (content.length > MAX_BYTES) {
			throw new UserError("error.promotion.media.tooLarge", name, MAX_BYTES / (1024 * 1024));
		}
		String lower = name.toLowerCase(Locale.ROOT);
		String extension = lower.contains(".") ? lower.substring(lower.lastIndexOf('.') + 1) : "";
		MediaKind expected = EXTENSIONS.get(extension);
		if (expected == null) {
			throw new UserError("error.promotion.media.type", name);
		}
		String type = contentType(content);
		if (type == null || !matches(extension, type)) {
			throw new UserError("error.file.contentMismatch", name);
		}
		if (expected != MediaKind.IMAGE) {
			return new Checked(name, expected, type, content.length, null, null, content);
		}
		int[] size = dimensions(name, content);
		if (size[0] > MAX_SIDE || size[1] > MAX_SIDE || (long) size[0] * size[1] > MAX_PIXELS) {
			throw new UserError("error.promotion.media.dimensions", name, size[0], size[1], MAX_SIDE, MAX_PIXELS / 1_000_000);
		}
		return new Checked(name, expected, type, content.length, size[0], size[1], content);
	}

	/** Stores the original and, for an image, its renditions; the renditions are made first, so a failure stores nothing. */
	static Stored store(Checked file, FileStorage storage) {
		if (file.kind() != MediaKind.IMAGE) {
			return new Stored(storage.put(file.content()), null, null);
		}
		BufferedImage image = decode(file);
		byte[] web = jpeg(scale(image, WEB_WIDTH));
		byte[] thumb = jpeg(scale(image, THUMB_WIDTH));
		return new Stored(storage.put(file.content()), storage.put(web), storage.put(thumb));
	}

	private static @Nullable String contentType(byte[] c) {
		if (startsWith(c, 0, new byte[] { (byte) 0xff, (byte) 0xd8, (byte) 0xff })) {
			return "image/jpeg";
		}
		if (startsWith(c, 0, new byte[] { (byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n' })) {
			return "image/png";
		}
		if (startsWith(c, 0, "%PDF-".getBytes(StandardCharsets.US_ASCII))) {
			return "application/pdf";
		}
		if (startsWith(c, 4, "ftyp".getBytes(StandardCharsets.US_ASCII))) {
			return "video/mp4";
		}
		if (startsWith(c, 0, new byte[] { 0x1a, 0x45, (byte) 0xdf, (byte) 0xa3 })) {
			return "video/webm";
		}
		return null;
	}

	private static boolean matches(String extension, String type) {
		return switch (extension) {
			case "jpg", "jpeg" -> type.equals("image/jpeg");
			case "png" -> type.equals("image/png");
			case "pdf" -> type.equals("application/pdf");
			case "mp4" -> type.equals("video/mp4");
			default -> type.equals("video/webm");
		};
	}

	private static int[] dimensions(String name, byte[] content) {
		try (ImageInputStream in = ImageIO.createImageInputStream(new ByteArrayInputStream(content))) {
			Iterator<ImageReader> readers = ImageIO.getImageReaders(in);
			if (!readers.hasNext()) {
				throw new UserError("error.file.contentMismatch", name);
			}
			ImageReader reader = readers.next();
			try {
				reader.setInput(in, true, true);
				return new int[] { reader.getWidth(0), reader.getHeight(0) };
			}
			finally {
				reader.dispose();
			}
		}
		catch (IOException e) {
			throw new UserError("error.promotion.media.unreadable", name);
		}
	}

	private static BufferedImage decode(Checked file) {
		try {
			BufferedImage image = ImageIO.read(new ByteArrayInputStream(file.content()));
			if (image == null) {
				throw new UserError("error.promotion.media.unreadable", file.filename());
			}
			return image;
		}
		catch (IOException | RuntimeException e) {
			if (e instanceof UserError u) {
				throw u;
			}
			throw new UserError("error.promotion.media.unreadable", file.filename());
		}
	}

	private static BufferedImage scale(BufferedImage source, int maxWidth) {
		int width = Math.min(maxWidth, source.getWidth());
		int height = Math.max(1, (int) Math.round((double) source.getHeight() * width / source.getWidth()));
		BufferedImage out = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
		Graphics2D g = out.createGraphics();
		try {
			g.setRenderingHint(RenderingHints.KEY_INTERPOLATION, RenderingHints.VALUE_INTERPOLATION_BILINEAR);
			g.setRenderingHint(RenderingHints.KEY_RENDERING, RenderingHints.VALUE_RENDER_QUALITY);
			g.setColor(java.awt.Color.WHITE);
			g.fillRect(0, 0, width, height);
			g.drawImage(source, 0, 0, width, height, null);
		}
		finally {
			g.dispose();
		}
		return out;
	}

	/** Pixels only: the writer is given no metadata, so none is written. */
	static byte[] jpeg(BufferedImage image) {
		ImageWriter writer = ImageIO.getImageWritersByFormatName("jpeg").next();
		var bytes = new ByteArrayOutputStream();
		try (var out = new MemoryCacheImageOutputStream(bytes)) {
			writer.setOutput(out);
			ImageWriteParam param = writer.getDefaultWriteParam();
			param.setCompressionMode(ImageWriteParam.MODE_EXPLICIT);
			param.setCompressionQuality(0.85f);
			writer.write(null, new IIOImage(image, null, null), param);
		}
		catch (IOException e) {
			throw new java.io.UncheckedIOException(e);
		}
		finally {
			writer.dispose();
		}
		return bytes.toByteArray();
	}

	private static boolean startsWith(byte[] content, int offset, byte[] magic) {
		if (content.length < offset + magic.length) {
			return false;
		}
		for (int i = 0; i < magic.length; i++) {
			if (content[offset + i] != magic[i]) {
				return false;
			}
		}
		return true;
	}
}
