package vn.ttdn.promotion;

import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import org.jspecify.annotations.Nullable;

/**
 * A file of an item: the original as uploaded (never served outside) and, for images, the
 * renditions made from it without any embedded metadata (no location) — the only files the public
 * sees.
 */
@Entity
@Table(name = "promo_media")
class PromoMedia {

	@Id
	@GeneratedValue(strategy = GenerationType.IDENTITY)
	private Long id;
	private Long itemId;
	private int position;
	@Enumerated(EnumType.STRING)
	private MediaKind kind;
	private String filename;
	private String contentType;
	private long sizeBytes;
	private @Nullable Integer width;
	private @Nullable Integer height;
	private String originalKey;
	private @Nullable String webKey;
	private @Nullable String thumbKey;
	private @Nullable String caption;
	private boolean generated;

	protected PromoMedia() {
	}

	PromoMedia(long itemId, int position, MediaCheck.Checked file, MediaCheck.Stored stored, @Nullable String caption,
			boolean generated) {
		this.itemId = itemId;
		this.position = position;
		this.kind = file.kind();
		this.filename = file.filename();
		this.contentType = file.contentType();
		this.sizeBytes = file.size();
		this.width = file.width();
		this.height = file.height();
		this.originalKey = stored.originalKey();
		this.webKey = stored.webKey();
		this.thumbKey = stored.thumbKey();
		this.caption = caption;
		this.generated = generated;
	}

	Long getId() {
		return id;
	}
}
