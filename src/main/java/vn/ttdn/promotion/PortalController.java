package vn.ttdn.promotion;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

import jakarta.servlet.http.HttpServletRequest;
import org.jspecify.annotations.Nullable;
import org.springframework.context.MessageSource;
import org.springframework.http.CacheControl;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.i18n.CookieLocaleResolver;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;
import tools.jackson.databind.json.JsonMapper;
import vn.ttdn.shared.NotFound;
import vn.ttdn.shared.files.FileStorage;

/**
 * The public portal, without an account: one site per language ({@code /vi/}, {@code /en/},
 * {@code /zh/}, …) to browse by field, search, read an item and take its press kit; RSS and Atom
 * feeds per language and field, and the sitemap. Everything comes through {@link PublicCatalog}
 * and {@link PromotionSearch#publicSearch}, so only published, public material is shown.
 */
@Controller
class PortalController {

	private static final JsonMapper JSON = JsonMapper.builder().build();
	private static final int SITEMAP_PAGE = 50_000;
	private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("dd/MM/yyyy");

	private final PromotionSearch search;
	private final PublicCatalog catalog;
	private final PromotionProperties properties;
	private final FileStorage files;
	private final MessageSource messages;

	PortalController(PromotionSearch search, PublicCatalog catalog, PromotionProperties properties, FileStorage files,
			MessageSource messages) {
		this.search = search;
		this.catalog = catalog;
		this.properties = properties;
		this.files = files;
		this.messages = messages;
	}

	@GetMapping({ "/{lang:[a-z]{2}}", "/{lang:[a-z]{2}}/" })
	String home(@PathVariable String lang, HttpServletRequest request, Model model) {
		portal(lang, request, model);
		var overview = search.publicSearch(new PromotionSearch.Query(null, lang, null, null, null, null, 0, 12,
				PromotionSearch.Sort.NEWEST));
		model.addAttribute("result", overview);
		model.addAttribute("items", catalog.items(overview.hits().stream().map(PromotionSearch.Hit::itemId).toList(), lang));
		model.addAttribute("alternates", alternates(request, lang, "/"));
		return "promotion/portal/home";
	}

	@GetMapping("/{lang:[a-z]{2}}/search")
	String search(@PathVariable String lang, @RequestParam(required = false) @Nullable String q,
			@RequestParam(required = false) @Nullable String field, @RequestParam(required = false) @Nullable String kind,
			@RequestParam(required = false) @Nullable Integer year, @RequestParam(defaultValue = "0") int page,
			@RequestParam(defaultValue = "RELEVANCE") PromotionSearch.Sort sort, HttpServletRequest request, Model model) {
		portal(lang, request, model);
		var result = search.publicSearch(new PromotionSearch.Query(q, lang, field, kind, null, year, page, 20, sort));
		model.addAttribute("result", result);
		model.addAttribute("q", q);
		model.addAttribute("field", field);
		model.addAttribute("kind", kind);
		model.addAttribute("year", year);
		model.addAttribute("sort", sort);
		model.addAttribute("alternates", alternates(request, lang, "/search"));
		return "promotion/portal/search";
	}

	@GetMapping("/{lang:[a-z]{2}}/fields/{field}")
	String field(@PathVariable String lang, @PathVariable String field) {
		language(lang);
		Topic topic = topic(field);
		return "redirect:/" + lang + "/search?field=" + topic.name() + "&sort=NEWEST";
	}

	@GetMapping("/{lang:[a-z]{2}}/items/{id}")
	String item(@PathVariable String lang, @PathVariable long id, HttpServletRequest request, Model model) {
		portal(lang, request, model);
		PublicCatalog.PublicItem item = catalog.item(id, lang).orElseThrow(() -> new NotFound("item", id));
		String base = base(request);
		Map<String, String> alternates = new LinkedHashMap<>();
		item.languages().forEach(l -> alternates.put(l, base + "/" + l + "/items/" + id));
		model.addAttribute("item", item);
		model.addAttribute("alternates", alternates);
		model.addAttribute("url", base + "/" + lang + "/items/" + id);
		model.addAttribute("image", item.media().stream().filter(m -> m.kind() == MediaKind.IMAGE).findFirst()
			.map(m -> base + "/media/" + m.id() + "/web.jpg").orElse(null));
		model.addAttribute("jsonLd", jsonLd(item, base, lang));
		model.addAttribute("date", item.takenOn() == null ? null : DAY.format(item.takenOn()));
		return "promotion/portal/item";
	}

	/** The item's media with a text file of captions, credits and licence, ready for a newsroom. */
	@GetMapping("/{lang:[a-z]{2}}/items/{id}/press-kit.zip")
	ResponseEntity<byte[]> pressKit(@PathVariable String lang, @PathVariable long id) throws IOException {
		language(lang);
		PublicCatalog.PublicItem item = catalog.item(id, lang).orElseThrow(() -> new NotFound("item", id));
		Locale locale = messageLocale(lang);
		var bytes = new ByteArrayOutputStream();
		var captions = new StringBuilder();
		captions.append(item.title()).append("\n\n");
		if (item.summary() != null) {
			captions.append(item.summary()).append("\n\n");
		}
		line(captions, locale, "portal.unit", item.unitName());
		line(captions, locale, "portal.author", item.author());
		line(captions, locale, "portal.credit", item.credit());
		line(captions, locale, "portal.licence", item.licence());
		line(captions, locale, "portal.place", item.place());
		line(captions, locale, "portal.date", item.takenOn() == null ? null : DAY.format(item.takenOn()));
		captions.append('\n');
		try (var zip = new ZipOutputStream(bytes, StandardCharsets.UTF_8)) {
			int n = 0;
			for (PublicCatalog.Media m : item.media()) {
				String rendition = m.kind() == MediaKind.IMAGE ? "web" : "file";
				String key = catalog.publicFileKey(m.id(), rendition).orElse(null);
				if (key == null) {
					continue;
				}
				String name = "%02d-%s".formatted(++n, m.kind() == MediaKind.IMAGE ? "image.jpg" : safe(m.filename()));
				zip.putNextEntry(new ZipEntry(name));
				zip.write(files.get(key));
				zip.closeEntry();
				captions.append(name).append(": ").append(m.caption() == null ? item.title() : m.caption());
				if (m.generated()) {
					captions.append(" — ").append(messages.getMessage("portal.illustration", null, locale));
				}
				captions.append('\n');
			}
			zip.putNextEntry(new ZipEntry("captions.txt"));
			zip.write(captions.toString().getBytes(StandardCharsets.UTF_8));
			zip.closeEntry();
		}
		return ResponseEntity.ok()
			.contentType(MediaType.parseMediaType("application/zip"))
			.header(HttpHeaders.CONTENT_DISPOSITION,
					ContentDisposition.attachment().filename("press-kit-" + id + "-" + lang + ".zip").build().toString())
			.body(bytes.toByteArray());
	}

	/** A public rendition: thumbnail or web size of an image, or a video or PDF itself. */
	@GetMapping("/media/{id}/{rendition:web|thumb|file}.{ext}")
	ResponseEntity<byte[]> media(@PathVariable long id, @PathVariable String rendition) {
		PublicCatalog.Media media = catalog.publicMedia(id).orElseThrow(() -> new NotFound("media", id));
		String key = catalog.publicFileKey(id, rendition).orElseThrow(() -> new NotFound("media", id));
		MediaType type = rendition.equals("file") ? MediaType.parseMediaType(media.contentType()) : MediaType.IMAGE_JPEG;
		return ResponseEntity.ok().contentType(type).cacheControl(CacheControl.maxAge(java.time.Duration.ofHours(1)))
			.body(files.get(key));
	}

	@GetMapping(value = "/{lang:[a-z]{2}}/feed.rss", produces = "application/rss+xml;charset=UTF-8")
	ResponseEntity<String> rss(@PathVariable String lang, @RequestParam(required = false) @Nullable String field,
			HttpServletRequest request) {
		language(lang);
		String base = base(request);
		Locale locale = messageLocale(lang);
		var xml = new StringBuilder("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<rss version=\"2.0\"><channel>");
		xml.append("<title>").append(xml(messages.getMessage("portal.title", null, locale))).append("</title>");
		xml.append("<link>").append(base).append('/').append(lang).append("/</link>");
		xml.append("<description>").append(xml(messages.getMessage("portal.tagline", null, locale))).append("</description>");
		xml.append("<language>").append(lang).append("</language>");
		for (PublicCatalog.FeedEntry e : catalog.latest(lang, field == null ? null : topic(field).name(), 50)) {
			String link = base + "/" + lang + "/items/" + e.id();
			xml.append("<item><title>").append(xml(e.title())).append("</title><link>").append(link)
				.append("</link><guid>").append(link).append("</guid><pubDate>")
				.append(DateTimeFormatter.RFC_1123_DATE_TIME.format(e.publishedAt().atOffset(ZoneOffset.UTC)))
				.append("</pubDate>");
			if (e.summary() != null) {
				xml.append("<description>").append(xml(e.summary())).append("</description>");
			}
			xml.append("</item>");
		}
		xml.append("</channel></rss>");
		return ResponseEntity.ok().contentType(MediaType.parseMediaType("application/rss+xml;charset=UTF-8"))
			.body(xml.toString());
	}

	@GetMapping(value = "/{lang:[a-z]{2}}/feed.atom", produces = "application/atom+xml;charset=UTF-8")
	ResponseEntity<String> atom(@PathVariable String lang, @RequestParam(required = false) @Nullable String field,
			HttpServletRequest request) {
		language(lang);
		String base = base(request);
		Locale locale = messageLocale(lang);
		List<PublicCatalog.FeedEntry> entries = catalog.latest(lang, field == null ? null : topic(field).name(), 50);
		var xml = new StringBuilder("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<feed xmlns=\"http://www.w3.org/2005/Atom\" xml:lang=\"")
			.append(lang).append("\">");
		xml.append("<title>").append(xml(messages.getMessage("portal.title", null, locale))).append("</title>");
		xml.append("<id>").append(base).append('/').append(lang).append("/</id>");
		xml.append("<link rel=\"self\" href=\"").append(base).append('/').append(lang).append("/feed.atom\"/>");
		xml.append("<updated>").append(entries.isEmpty() ? "1970-01-01T00:00:00Z" : entries.getFirst().updatedAt())
			.append("</updated>");
		for (PublicCatalog.FeedEntry e : entries) {
			String link = base + "/" + lang + "/items/" + e.id();
			xml.append("<entry><title>").append(xml(e.title())).append("</title><id>").append(link)
				.append("</id><link href=\"").append(link).append("\"/><published>").append(e.publishedAt())
				.append("</published><updated>").append(e.updatedAt()).append("</updated>");
			if (e.summary() != null) {
				xml.append("<summary>").append(xml(e.summary())).append("</summary>");
			}
			xml.append("</entry>");
		}
		xml.append("</feed>");
		return ResponseEntity.ok().contentType(MediaType.parseMediaType("application/atom+xml;charset=UTF-8"))
			.body(xml.toString());
	}

	/** The sitemap: the portal's home pages, then an index of item pages in parts of 50,000. */
	@GetMapping(value = "/sitemap.xml", produces = MediaType.APPLICATION_XML_VALUE)
	ResponseEntity<String> sitemap(HttpServletRequest request) {
		String base = base(request);
		long parts = (catalog.publicTranslations() + SITEMAP_PAGE - 1) / SITEMAP_PAGE;
		var xml = new StringBuilder("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n")
			.append("<sitemapindex xmlns=\"http://www.sitemaps.org/schemas/sitemap/0.9\">");
		for (long i = 0; i < Math.max(1, parts); i++) {
			xml.append("<sitemap><loc>").append(base).append("/sitemap-").append(i).append(".xml</loc></sitemap>");
		}
		xml.append("</sitemapindex>");
		return ResponseEntity.ok().contentType(MediaType.APPLICATION_XML).body(xml.toString());
	}

	@GetMapping(value = "/sitemap-{part:\\d+}.xml", produces = MediaType.APPLICATION_XML_VALUE)
	ResponseEntity<String> sitemapPart(@PathVariable int part, HttpServletRequest request) {
		String base = base(request);
		var xml = new StringBuilder("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n")
			.append("<urlset xmlns=\"http://www.sitemaps.org/schemas/sitemap/0.9\" xmlns:xhtml=\"http://www.w3.org/1999/xhtml\">");
		if (part == 0) {
			properties.languages().forEach(l -> xml.append("<url><loc>").append(base).append('/').append(l).append("/</loc></url>"));
		}
		for (PublicCatalog.SitemapEntry e : catalog.sitemap(part, SITEMAP_PAGE)) {
			xml.append("<url><loc>").append(base).append('/').append(e.language()).append("/items/").append(e.id())
				.append("</loc><lastmod>").append(e.updatedAt().atOffset(ZoneOffset.UTC).toLocalDate()).append("</lastmod></url>");
		}
		xml.append("</urlset>");
		return ResponseEntity.ok().contentType(MediaType.APPLICATION_XML).body(xml.toString());
	}

	private void portal(String lang, HttpServletRequest request, Model model) {
		language(lang);
		request.setAttribute(CookieLocaleResolver.LOCALE_REQUEST_ATTRIBUTE_NAME, messageLocale(lang));
		model.addAttribute("lang", lang);
		model.addAttribute("languages", properties.languages());
		model.addAttribute("topics", Topic.values());
		model.addAttribute("kinds", ItemKind.values());
	}

	/** The language of the portal's own words: Vietnamese, English or Chinese; English for the others. */
	private static Locale messageLocale(String lang) {
		return Locale.forLanguageTag(switch (lang) {
			case "vi", "en", "zh" -> lang;
			default -> "en";
		});
	}

	private Map<String, String> alternates(HttpServletRequest request, String lang, String path) {
		String base = base(request);
		Map<String, String> out = new LinkedHashMap<>();
		properties.languages().forEach(l -> out.put(l, base + "/" + l + path));
		return out;
	}

	private String jsonLd(PublicCatalog.PublicItem item, String base, String lang) {
		Map<String, Object> ld = new LinkedHashMap<>();
		ld.put("@context", "https://schema.org");
		ld.put("@type", switch (item.kind()) {
			case PHOTO, PHOTO_SET, INFOGRAPHIC -> "ImageObject";
			case VIDEO -> "VideoObject";
			case ARTICLE, FACT_SHEET -> "Article";
			default -> "CreativeWork";
		});
		ld.put("name", item.title());
		ld.put("headline", item.title());
		if (item.summary() != null) {
			ld.put("description", item.summary());
		}
		ld.put("inLanguage", lang);
		ld.put("url", base + "/" + lang + "/items/" + item.id());
		ld.put("datePublished", item.publishedAt().toString());
		ld.put("dateModified", item.updatedAt().toString());
		ld.put("license", item.licence());
		ld.put("publisher", Map.of("@type", "GovernmentOrganization", "name", item.unitName()));
		if (item.credit() != null) {
			ld.put("creditText", item.credit());
		}
		if (item.place() != null) {
			ld.put("contentLocation", Map.of("@type", "Place", "name", item.place()));
		}
		item.media().stream().filter(m -> m.kind() == MediaKind.IMAGE).findFirst()
			.ifPresent(m -> ld.put("image", base + "/media/" + m.id() + "/web.jpg"));
		ld.put("keywords", String.join(", ", item.tags()));
		return JSON.writeValueAsString(ld).replace("</", "<\\/");
	}

	private void line(StringBuilder out, Locale locale, String key, @Nullable String value) {
		if (value != null && !value.isBlank()) {
			out.append(messages.getMessage(key, null, locale)).append(": ").append(value).append('\n');
		}
	}

	private void language(String lang) {
		if (!properties.holds(lang)) {
			throw new NotFound("language", lang);
		}
	}

	private static Topic topic(String field) {
		try {
			return Topic.valueOf(field.toUpperCase(Locale.ROOT));
		}
		catch (IllegalArgumentException e) {
			throw new NotFound("field", field);
		}
	}

	private static String base(HttpServletRequest request) {
		return ServletUriComponentsBuilder.fromContextPath(request).build().toUriString();
	}

	private static String safe(String filename) {
		return filename.replaceAll("[^A-Za-z0-9._-]", "_");
	}

	private static String xml(String s) {
		return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
	}
}
