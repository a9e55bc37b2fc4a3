package vn.ttdn.promotion;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Component;
import vn.ttdn.shared.NotFound;
import vn.ttdn.shared.security.Actor;

/** An item as its staff see it, with every language, file and step of its history, read only by those who may. */
@Component
public class PromotionQueries {

	private final JdbcClient jdbc;

	PromotionQueries(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	public record TranslationView(long id, String language, String title, @Nullable String summary, @Nullable String body,
			TranslationStatus status, @Nullable Instant publishedAt) {
	}

	public record MediaView(long id, MediaKind kind, String filename, String contentType, long sizeBytes,
			@Nullable Integer width, @Nullable Integer height, @Nullable String caption, boolean generated) {
	}

	public record EventView(Instant at, String username, String action, @Nullable String fromStatus,
			@Nullable String toStatus, @Nullable String language, @Nullable String note) {
	}

	public record ItemView(long id, String jurisdictionCode, long unitId, ItemKind kind, List<String> fields,
			List<String> tags, @Nullable String place, @Nullable LocalDate takenOn, @Nullable String author,
			@Nullable String credit, String licence, Classification classification, ItemStatus status, String createdBy,
			Instant createdAt, long version, List<TranslationView> translations, List<MediaView> media,
			List<EventView> history) {
	}

	public ItemView item(Actor actor, long id) {
		ItemView head = jdbc.sql("""
				select id, jurisdiction_code, unit_id, kind, fields, tags, place, taken_on, author, credit, licence,
				       classification, status, created_by, created_at, version
				from promo_item where id = ?""")
			.param(id)
			.query((rs, n) -> new ItemView(rs.getLong("id"), rs.getString("jurisdiction_code"), rs.getLong("unit_id"),
					ItemKind.valueOf(rs.getString("kind")), PublicCatalog.strings(rs, "fields"),
					PublicCatalog.strings(rs, "tags"), rs.getString("place"), rs.getObject("taken_on", LocalDate.class),
					rs.getString("author"), rs.getString("credit"), rs.getString("licence"),
					Classification.valueOf(rs.getString("classification")), ItemStatus.valueOf(rs.getString("status")),
					rs.getString("created_by"), rs.getTimestamp("created_at").toInstant(), rs.getLong("version"), List.of(),
					List.of(), List.of()))
			.optional()
			.orElseThrow(() -> new NotFound("item", id));
		if (!ItemWorkflow.maySee(actor, head.jurisdictionCode(), head.unitId())) {
			throw new AccessDeniedException("item " + id);
		}
		List<TranslationView> translations = jdbc.sql("""
				select id, language, title, summary, body, status, published_at from promo_translation
				where item_id = ? order by id""")
			.param(id)
			.query((rs, n) -> new TranslationView(rs.getLong("id"), rs.getString("language"), rs.getString("title"),
					rs.getString("summary"), rs.getString("body"), TranslationStatus.valueOf(rs.getString("status")),
					rs.getTimestamp("published_at") == null ? null : rs.getTimestamp("published_at").toInstant()))
			.list();
		List<MediaView> media = jdbc.sql("""
				select id, kind, filename, content_type, size_bytes, width, height, caption, generated
				from promo_media where item_id = ? order by position""")
			.param(id)
			.query((rs, n) -> new MediaView(rs.getLong("id"), MediaKind.valueOf(rs.getString("kind")),
					rs.getString("filename"), rs.getString("content_type"), rs.getLong("size_bytes"),
					rs.getObject("width", Integer.class), rs.getObject("height", Integer.class), rs.getString("caption"),
					rs.getBoolean("generated")))
			.list();
		List<EventView> history = jdbc.sql("""
				select at, username, action, from_status, to_status, language, note from promo_event
				where item_id = ? order by at, id""")
			.param(id)
			.query((rs, n) -> new EventView(rs.getTimestamp("at").toInstant(), rs.getString("username"),
					rs.getString("action"), rs.getString("from_status"), rs.getString("to_status"), rs.getString("language"),
					rs.getString("note")))
			.list();
		return new ItemView(head.id(), head.jurisdictionCode(), head.unitId(), head.kind(), head.fields(), head.tags(),
				head.place(), head.takenOn(), head.author(), head.credit(), head.licence(), head.classification(),
				head.status(), head.createdBy(), head.createdAt(), head.version(), translations, media, history);
	}

	/** The stored key of any file of an item the actor may see (staff preview, originals included). */
	public String fileKey(Actor actor, long mediaId, String rendition) {
		record Row(long itemId, String originalKey, @Nullable String webKey, @Nullable String thumbKey) {
		}
		Row row = jdbc.sql("select item_id, original_key, web_key, thumb_key from promo_media where id = ?")
			.param(mediaId)
			.query(Row.class)
			.optional()
			.orElseThrow(() -> new NotFound("media", mediaId));
		item(actor, row.itemId());
		String key = switch (rendition) {
			case "web" -> row.webKey();
			case "thumb" -> row.thumbKey();
			default -> row.originalKey();
		};
		if (key == null) {
			throw new NotFound("media", mediaId);
		}
		return key;
	}
}
