package vn.ttdn.shared.files;

/**
 * Where uploaded files are kept: the local disk under {@code $TTDN_DATA_DIR/files} by default; an
 * S3-compatible store for several nodes (to come). Keys are opaque and made by the storage.
 */
public interface FileStorage {

	/** Stores the bytes and returns their key. */
	String put(byte[] content);

	byte[] get(String key);
}
