package vn.ttdn.promotion;

import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import vn.ttdn.organization.OrganizationQueries;

/**
 * Everything that leaves the system — the portal, the public API, the feeds, the sitemap, the
 * press kits and the change feed — is read here, through one condition: the item is published and
 * cleared as public, and the translation is published (000 Art. 3.2, 15.6; C19).
 */
@Component
public class PublicCatalog {

	/** The one condition under which a translation may be seen outside; {@code i} the item, {@code t} the translation. */
	static final String PUBLIC = "i.status = 'PUBLISHED' and i.classification = 'PUBLIC' and t.status = 'PUBLISHED'";

	private final JdbcClient jdbc;
	private final OrganizationQueries organization;
	private final Clock clock;
	private final Map<Long, String[]> unitNames = new ConcurrentHashMap<>();
	private volatile long unitNamesSince = System.nanoTime();

	PublicCatalog(JdbcClient jdbc, OrganizationQueries organization, Clock clock) {
		this.jdbc = jdbc;
		this.organization = organization;
		this.clock = clock;
	}

	public record Media(long id, MediaKind kind, String contentType, @Nullable Integer width, @Nullable Integer height,
			@Nullable String caption, boolean generated, String filename) {
	}

	public record PublicItem(long id, String language, String title, @Nullable String summary, @Nullable String body,
			ItemKind kind, List<String> fields, List<String> tags, @Nullable String place, @Nullable LocalDate takenOn,
			@Nullable String author, @Nullable String credit, String licence, long unitId, String unitName,
			Instant publishedAt, Instant updatedAt, List<String> languages, List<Media> media) {

		/** Changes whenever what the public sees of it may have changed. */
		public String etag() {
			return "\"" + id + "-" + language + "-" + updatedAt.toEpochMilli() + "\"";
		}
	}

	public record FeedEntry(long id, String language, String title, @Nullable String summary, Instant publishedAt,
			Instant updatedAt) {
	}

	public record SitemapEntry(long id, String language, Instant updatedAt) {
	}

	/** The item in a language, if that language of it is public. */
	public Optional<PublicItem> item(long id, String language) {
		return items(List.of(id), language).stream().findFirst();
	}

	/** The items among {@code ids} public in {@code language}, in the order given. */
	public List<PublicItem> items(Collection<Long> ids, String language) {
		return read(ids, "i.id", language);
	}

	/**
	 * The public items of the translations {@code translationIds} (of one language, as a search in
	 * that language finds them), in the order given.
	 */
	public List<PublicItem> translations(Collection<Long> translationIds, String language) {
		return read(translationIds, "t.id", language);
	}

	/** The public items whose {@code key} (item or translation id) is among {@code ids}, in that order. */
	private List<PublicItem> read(Collection<Long> ids, String key, String language) {
		if (ids.isEmpty()) {
			return List.of();
		}
		record Row(long key, long id, String language, String title, @Nullable String summary, @Nullable String body, ItemKind kind,
				List<String> fields, List<String> tags, @Nullable String place, @Nullable LocalDate takenOn,
				@Nullable String author, @Nullable String credit, String licence, long unitId, Instant publishedAt,
				Instant updatedAt, List<String> languages) {
		}
		List<Row> rows = jdbc.sql("""
				select %1$s as key, i.id, t.language, t.title, t.summary, t.body, i.kind, i.fields, i.tags, i.place, i.taken_on, i.author,
				       i.credit, i.licence, i.unit_id, coalesce(i.published_at, i.updated_at) as published_at, i.updated_at,
				       array(select t2.language from promo_translation t2 where t2.item_id = i.id and t2.status = 'PUBLISHED'
				             order by t2.id) as languages
				from promo_item i join promo_translation t on t.item_id = i.id
				where %1$s in (:ids) and t.language = :language and %2$s""".formatted(key, PUBLIC))
			.param("ids", ids)
			.param("language", language)
			.query((rs, n) -> new Row(rs.getLong("key"), rs.getLong("id"), rs.getString("language"), rs.getString("title"),
					rs.getString("summary"), rs.getString("body"), ItemKind.valueOf(rs.getString("kind")),
					strings(rs, "fields"), strings(rs, "tags"), rs.getString("place"),
					rs.getObject("taken_on", LocalDate.class), rs.getString("author"), rs.getString("credit"),
					rs.getString("licence"), rs.getLong("unit_id"), rs.getTimestamp("published_at").toInstant(),
					rs.getTimestamp("updated_at").toInstant(), strings(rs, "languages")))
			.list();
		Map<Long, List<Media>> media = media(rows.stream().map(Row::id).toList());
		Map<Long, PublicItem> byKey = new LinkedHashMap<>();
		for (Row r : rows) {
			byKey.put(r.key(), new PublicItem(r.id(), r.language(), r.title(), r.summary(), r.body(), r.kind(), r.fields(),
					r.tags(), r.place(), r.takenOn(), r.author(), r.credit(), r.licence(), r.unitId(),
					unitName(r.unitId(), language), r.publishedAt(), r.updatedAt(), r.languages(),
					media.getOrDefault(r.id(), List.of())));
		}
		return ids.stream().map(byKey::get).filter(java.util.Objects::nonNull).toList();
	}

	/** The newest public items in a language, optionally of one field, for the feeds and the home page. */
	public List<FeedEntry> latest(String language, @Nullable String field, int limit) {
		return jdbc.sql("""
				select i.id, t.language, t.title, t.summary, coalesce(t.published_at, i.updated_at) as published_at, i.updated_at
				from promo_item i join promo_translation t on t.item_id = i.id
				where t.language = :language and (cast(:field as text) is null or :field = any(i.fields)) and %s
				order by coalesce(t.published_at, i.updated_at) desc, i.id desc limit :limit""".formatted(PUBLIC))
			.param("language", language)
			.param("field", field)
			.param("limit", limit)
			.query((rs, n) -> new FeedEntry(rs.getLong("id"), rs.getString("language"), rs.getString("title"),
					rs.getString("summary"), rs.getTimestamp("published_at").toInstant(),
					rs.getTimestamp("updated_at").toInstant()))
			.list();
	}

	/** Public translations for the sitemap, a page of {@code size} at a time in a stable order. */
	public List<SitemapEntry> sitemap(int page, int size) {
		return jdbc.sql("""
				select i.id, t.language, i.updated_at from promo_item i join promo_translation t on t.item_id = i.id
				where %s order by t.id limit :size offset :offset""".formatted(PUBLIC))
			.param("size", size)
			.param("offset", (long) page * size)
			.query((rs, n) -> new SitemapEntry(rs.getLong("id"), rs.getString("language"),
					rs.getTimestamp("updated_at").toInstant()))
			.list();
	}

	public long publicTranslations() {
		return jdbc.sql("select count(*) from promo_item i join promo_translation t on t.item_id = i.id where " + PUBLIC)
			.query(Long.class).single();
	}

	/** The stored file of a public rendition: thumbnail, web size, or the file itself for video and PDF, never an image's original. */
	public Optional<Media> publicMedia(long mediaId) {
		return jdbc.sql("""
				select m.id, m.kind, m.content_type, m.width, m.height, m.caption, m.generated, m.filename
				from promo_media m join promo_item i on i.id = m.item_id
				where m.id = ? and exists (select 1 from promo_translation t where t.item_id = i.id and %s)""".formatted(PUBLIC))
			.param(mediaId)
			.query((rs, n) -> media(rs))
			.optional();
	}

	/** The storage key of a public file: "web" or "thumb" for images, "file" for video and PDF. */
	public Optional<String> publicFileKey(long mediaId, String rendition) {
		String column = switch (rendition) {
			case "web" -> "web_key";
			case "thumb" -> "thumb_key";
			case "file" -> "case when kind = 'IMAGE' then null else original_key end";
			default -> null;
		};
		if (column == null || publicMedia(mediaId).isEmpty()) {
			return Optional.empty();
		}
		return jdbc.sql("select " + column + " from promo_media where id = ?").param(mediaId).query(String.class).optional()
			.filter(java.util.Objects::nonNull);
	}

	/** One entry of the change feed: the item's state now, or only its id when it is no longer public. */
	public record Change(long seq, long itemId, String kind, Instant at, Map<String, PublicItem> translations) {
	}

	/**
	 * What changed after {@code after}, resumable: for each item changed since then, its latest change
	 * only, in the order of those changes; an item withdrawn since is given without any content.
	 */
	public List<Change> changes(long after, int limit) {
		record Row(long seq, long itemId, String kind, Instant at) {
		}
		List<Row> rows = jdbc.sql("""
				select c.seq, c.item_id, c.kind, c.at from promo_change c
				where c.seq > :after and c.seq = (select max(c2.seq) from promo_change c2 where c2.item_id = c.item_id)
				order by c.seq limit :limit""")
			.param("after", after)
			.param("limit", limit)
			.query((rs, n) -> new Row(rs.getLong("seq"), rs.getLong("item_id"), rs.getString("kind"),
					rs.getTimestamp("at").toInstant()))
			.list();
		List<Change> changes = new ArrayList<>();
		for (Row row : rows) {
			Map<String, PublicItem> translations = new LinkedHashMap<>();
			for (String language : publicLanguages(row.itemId())) {
				item(row.itemId(), language).ifPresent(item -> translations.put(language, item));
			}
			String kind = translations.isEmpty() ? "WITHDRAWN" : row.kind();
			changes.add(new Change(row.seq(), row.itemId(), kind, row.at(), translations));
		}
		return changes;
	}

	private List<String> publicLanguages(long itemId) {
		return jdbc.sql("select t.language from promo_item i join promo_translation t on t.item_id = i.id where i.id = ? and "
				+ PUBLIC + " order by t.id").param(itemId).query(String.class).list();
	}

	private Map<Long, List<Media>> media(List<Long> itemIds) {
		Map<Long, List<Media>> byItem = new LinkedHashMap<>();
		if (itemIds.isEmpty()) {
			return byItem;
		}
		jdbc.sql("""
				select m.item_id, m.id, m.kind, m.content_type, m.width, m.height, m.caption, m.generated, m.filename
				from promo_media m where m.item_id in (:ids) order by m.item_id, m.position""")
			.param("ids", itemIds)
			.query(rs -> {
				byItem.computeIfAbsent(rs.getLong("item_id"), k -> new ArrayList<>()).add(media(rs));
			});
		return byItem;
	}

	private static Media media(ResultSet rs) throws SQLException {
		return new Media(rs.getLong("id"), MediaKind.valueOf(rs.getString("kind")), rs.getString("content_type"),
				rs.getObject("width", Integer.class), rs.getObject("height", Integer.class), rs.getString("caption"),
				rs.getBoolean("generated"), rs.getString("filename"));
	}

	private static final long UNIT_NAMES_KEPT = java.time.Duration.ofMinutes(10).toNanos();

	/** The contributing unit's name, in English for every language but Vietnamese; names change rarely, so they are kept ten minutes. */
	String unitName(long unitId, String language) {
		if (System.nanoTime() - unitNamesSince > UNIT_NAMES_KEPT) {
			unitNames.clear();
			unitNamesSince = System.nanoTime();
		}
		String[] names = unitNames.computeIfAbsent(unitId, id -> organization.unitOn(id, LocalDate.now(clock))
			.map(u -> new String[] { u.name(), u.nameEn() == null ? u.name() : u.nameEn() })
			.orElse(new String[] { "", "" }));
		return "vi".equals(language) ? names[0] : names[1];
	}

	static List<String> strings(ResultSet rs, String column) throws SQLException {
		Array array = rs.getArray(column);
		if (array == null) {
			return List.of();
		}
		return List.of((String[]) array.getArray());
	}
}
