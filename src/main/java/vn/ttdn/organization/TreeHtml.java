package vn.ttdn.organization;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.Locale;

import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;
import org.springframework.web.util.HtmlUtils;
import org.springframework.web.util.UriUtils;
import vn.ttdn.organization.OrganizationQueries.TreeRow;
import vn.ttdn.organization.OrganizationQueries.UnitRow;

/**
 * The organisation tree of a jurisdiction on a day as an HTML fragment, rendered once per registry
 * revision and language and then inserted into the page as it is; likewise the options of the
 * jurisdiction chooser. A national-scale jurisdiction has
 * about 150 units, and rendering them through the template engine on every page view cost more than
 * everything else on the page.
 * <p>
 * Every piece of text in the fragment (unit names, abbreviations, role codes, labels) is
 * HTML-escaped here, and the links are built from numbers and ISO dates only.
 */
@Component
class TreeHtml {

	private final OrganizationQueries queries;
	private final RegistryCache cache;
	private final MessageSource messages;

	TreeHtml(OrganizationQueries queries, RegistryCache cache, MessageSource messages) {
		this.queries = queries;
		this.cache = cache;
		this.messages = messages;
	}

	/** The tree as {@code <ul class="tree">…</ul>}; links start with {@code contextPath}. */
	String render(String contextPath, String jurisdictionCode, LocalDate day, Locale locale) {
		return cache.get("treeHtml|" + jurisdictionCode + "|" + day + "|" + locale.toLanguageTag() + "|" + contextPath,
				() -> build(contextPath, jurisdictionCode, day, locale));
	}

	private String build(String contextPath, String jurisdictionCode, LocalDate day, Locale locale) {
		var rows = queries.tree(jurisdictionCode, day);
		StringBuilder html = new StringBuilder(300 * rows.size() + 200);
		html.append("<ul class=\"tree\" role=\"tree\" data-testid=\"unit-tree\" aria-label=\"")
			.append(escape(message("org.tree", locale)))
			.append("\">\n");
		String link = escape(contextPath) + "/units/";
		String asOf = "?asOf=" + day;
		for (TreeRow row : rows) {
			UnitRow u = row.unit();
			html.append("<li role=\"treeitem\" aria-level=\"")
				.append(row.depth() + 1)
				.append("\" class=\"depth-")
				.append(Math.min(row.depth(), 4))
				.append("\">\n  <a href=\"")
				.append(link)
				.append(u.id())
				.append(asOf)
				.append("\">")
				.append(escape(u.name()))
				.append("</a>\n");
			if (u.abbreviation() != null) {
				html.append("  <span class=\"text-muted small\">(").append(escape(u.abbreviation())).append(")</span>\n");
			}
			html.append("  <span class=\"badge text-bg-light unit-type\">")
				.append(escape(message("unitType." + u.type(), locale)))
				.append("</span>\n");
			for (String role : u.roles()) {
				html.append("  <span class=\"badge badge-role\">").append(escape(role)).append("</span>\n");
			}
			html.append("</li>\n");
		}
		return html.append("</ul>").toString();
	}

	/** The options of the jurisdiction chooser, each the address of its tree, with {@code selectedCode} selected. */
	String jurisdictionOptions(String contextPath, String selectedCode) {
		return cache.get("jurisdictionOptions|" + selectedCode + "|" + contextPath, () -> {
			StringBuilder html = new StringBuilder(4096);
			for (var j : queries.jurisdictions()) {
				html.append("<option value=\"")
					.append(escape(contextPath))
					.append("/org/")
					.append(escape(UriUtils.encodePathSegment(j.code(), StandardCharsets.UTF_8)))
					.append(j.code().equals(selectedCode) ? "\" selected=\"selected\">" : "\">")
					.append(escape(j.code() + " · " + j.name()))
					.append("</option>\n");
			}
			return html.toString();
		});
	}

	private String message(String key, Locale locale) {
		return messages.getMessage(key, null, key, locale);
	}

	private static String escape(String text) {
		return HtmlUtils.htmlEscape(text, "UTF-8");
	}
}
