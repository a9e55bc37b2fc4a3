package vn.ttdn.shared.files;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.UUID;

import org.springframework.stereotype.Component;
import vn.ttdn.shared.NotFound;
import vn.ttdn.shared.TtdnProperties;

/** Files on the local disk, two directory levels deep by key, under {@code $TTDN_DATA_DIR/files}. */
@Component
class LocalFileStorage implements FileStorage {

	private final Path root;

	LocalFileStorage(TtdnProperties properties) {
		this.root = properties.dataDir().resolve("files").toAbsolutePath().normalize();
	}

	@Override
	public String put(byte[] content) {
		String key = UUID.randomUUID().toString();
		Path file = path(key);
		try {
			Files.createDirectories(file.getParent());
			Path partial = file.resolveSibling(key + ".part");
			Files.write(partial, content);
			Files.move(partial, file, java.nio.file.StandardCopyOption.ATOMIC_MOVE);
			return key;
		}
		catch (IOException e) {
			throw new UncheckedIOException("Could not store a file under " + root, e);
		}
	}

	@Override
	public byte[] get(String key) {
		Path file = path(key);
		if (!Files.isRegularFile(file)) {
			throw new NotFound("file", key);
		}
		try {
			return Files.readAllBytes(file);
		}
		catch (IOException e) {
			throw new UncheckedIOException(e);
		}
	}

	private Path path(String key) {
		if (!key.matches("[0-9a-f-]{36}")) {
			throw new NotFound("file", key);
		}
		return root.resolve(key.substring(0, 2)).resolve(key);
	}
}
