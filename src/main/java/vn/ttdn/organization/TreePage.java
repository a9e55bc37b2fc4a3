package vn.ttdn.organization;

import java.io.OutputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpServletResponseWrapper;
import org.jspecify.annotations.Nullable;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.http.MediaType;
import org.springframework.security.web.csrf.CsrfToken;
import org.springframework.security.web.csrf.DefaultCsrfToken;
import org.springframework.stereotype.Component;
import org.springframework.web.servlet.View;
import org.springframework.web.servlet.ViewResolver;
import org.springframework.web.servlet.support.RequestContextUtils;
import org.springframework.web.util.HtmlUtils;
import vn.ttdn.shared.security.Actor;

/**
 * The organisation tree page without a filter, assembled from UTF-8 bytes kept per registry
 * revision instead of going through the template engine on every view.
 * <p>
 * The page is rendered by its template ({@code organization/tree}) once for each jurisdiction, day,
 * language, and what the viewer's role, jurisdiction and rights change on it (the navigation, the
 * role shown, the "add unit" buttons). What differs from one viewer to the next is left as slots:
 * the viewer's name, the name of their jurisdiction, and the CSRF token of the sign-out form. Each
 * view writes the kept bytes with these filled in, HTML-escaped here as the template would. The security headers,
 * the session and the token itself are handled for each request as for any other page.
 * <p>
 * Only the page of the default day is kept (the controller sends a page for a chosen day, with a
 * filter, or with a message to show after a redirect through the template engine as before), so the
 * variants are bounded: jurisdictions × languages × the roles that look at them, about 40 KB each,
 * made again after a change to the registry.
 */
@Component
class TreePage implements View {

	/** Slot markers: private-use characters, which never occur in the registry's text or the messages. */
	private static final String NAME = "\uE000name\uE001";
	private static final String TOKEN = "\uE000csrf\uE001";
	private static final String JURISDICTION = "\uE000jurisdiction\uE001";
	private static final List<String> MARKS = List.of(NAME, TOKEN, JURISDICTION);
	private static final String TEMPLATE = "organization/tree";
	private static final String CONTENT_TYPE = MediaType.TEXT_HTML_VALUE + ";charset=UTF-8";

	/** The page around its slots: {@code fixed.length == slots.length + 1}. */
	record Parts(byte[][] fixed, String[] slots) {
	}

	private final RegistryCache cache;
	private final ViewResolver views;

	TreePage(RegistryCache cache, @Qualifier("thymeleafViewResolver") ViewResolver views) {
		this.cache = cache;
		this.views = views;
	}

	@Override
	public String getContentType() {
		return CONTENT_TYPE;
	}

	@Override
	public void render(@Nullable Map<String, ?> model, HttpServletRequest request, HttpServletResponse response)
			throws Exception {
		Locale locale = RequestContextUtils.getLocale(request);
		if (model == null || !(model.get("actor") instanceof Actor actor)
				|| !(model.get("jurisdiction") instanceof OrganizationQueries.JurisdictionView jurisdiction)
				|| !(model.get("asOf") instanceof LocalDate day)
				|| !(request.getAttribute(CsrfToken.class.getName()) instanceof CsrfToken token)) {
			template(locale).render(model, request, response);
			return;
		}
		String key = "treePage|" + jurisdiction.code() + "|" + day + "|" + locale.toLanguageTag() + "|"
				+ request.getContextPath() + "|" + model.get("canManage") + "|" + actor.role() + "|"
				+ (model.get("actorJurisdiction") != null) + "|" + (actor.unitId() != null);
		Parts parts = cache.get(key, () -> build(model, actor, token, locale, request, response));

		byte[][] values = new byte[parts.slots().length][];
		int length = 0;
		for (int i = 0; i < values.length; i++) {
			String slot = parts.slots()[i];
			String value = NAME.equals(slot) ? actor.displayName()
					: JURISDICTION.equals(slot) ? String.valueOf(model.get("actorJurisdiction")) : token.getToken();
			values[i] = HtmlUtils.htmlEscape(value, "UTF-8").getBytes(StandardCharsets.UTF_8);
			length += values[i].length;
		}
		for (byte[] fixed : parts.fixed()) {
			length += fixed.length;
		}
		response.setContentType(CONTENT_TYPE);
		response.setContentLength(length);
		OutputStream out = response.getOutputStream();
		for (int i = 0; i < values.length; i++) {
			out.write(parts.fixed()[i]);
			out.write(values[i]);
		}
		out.write(parts.fixed()[values.length]);
	}

	/** Renders the template with the two slots marked, into memory, and cuts it at the marks. */
	private Parts build(Map<String, ?> model, Actor actor, CsrfToken token, Locale locale, HttpServletRequest request,
			HttpServletResponse response) {
		Map<String, Object> marked = new HashMap<>(model);
		marked.put("actor", new Actor(actor.accountId(), actor.username(), NAME, actor.role(), actor.jurisdictionCode(),
				actor.unitId()));
		if (model.get("actorJurisdiction") != null) {
			marked.put("actorJurisdiction", JURISDICTION);
		}
		CsrfToken markedToken = new DefaultCsrfToken(token.getHeaderName(), token.getParameterName(), TOKEN);
		var markedRequest = new HttpServletRequestWrapper(request) {
			@Override
			public @Nullable Object getAttribute(String name) {
				if (CsrfToken.class.getName().equals(name) || token.getParameterName().equals(name)) {
					return markedToken;
				}
				return super.getAttribute(name);
			}
		};
		StringWriter html = new StringWriter(48 * 1024);
		var capture = new HttpServletResponseWrapper(response) {
			private final PrintWriter writer = new PrintWriter(html);

			@Override
			public PrintWriter getWriter() {
				return writer;
			}

			@Override
			public void flushBuffer() {
			}

			@Override
			public void setContentType(String type) {
			}

			@Override
			public void setCharacterEncoding(String charset) {
			}

			@Override
			public void setLocale(Locale loc) {
			}

			@Override
			public void setContentLength(int len) {
			}
		};
		try {
			template(locale).render(marked, markedRequest, capture);
		}
		catch (Exception e) {
			throw new IllegalStateException("the tree page could not be rendered", e);
		}
		capture.writer.flush();
		return cut(html.toString());
	}

	/** Splits the page at the slot marks; fails if a mark is missing, so that no page goes out with a mark in it. */
	static Parts cut(String page) {
		List<byte[]> fixed = new ArrayList<>();
		List<String> slots = new ArrayList<>();
		int from = 0;
		while (true) {
			int next = -1;
			String slot = null;
			for (String mark : MARKS) {
				int at = page.indexOf(mark, from);
				if (at >= 0 && (next < 0 || at < next)) {
					next = at;
					slot = mark;
				}
			}
			if (slot == null) {
				break;
			}
			fixed.add(page.substring(from, next).getBytes(StandardCharsets.UTF_8));
			slots.add(slot);
			from = next + slot.length();
		}
		fixed.add(page.substring(from).getBytes(StandardCharsets.UTF_8));
		if (!slots.contains(NAME) || !slots.contains(TOKEN)) {
			throw new IllegalStateException("the tree page lacks the viewer's name or the sign-out token");
		}
		return new Parts(fixed.toArray(byte[][]::new), slots.toArray(String[]::new));
	}

	private View template(Locale locale) throws Exception {
		View view = views.resolveViewName(TEMPLATE, locale);
		if (view == null) {
			throw new IllegalStateException("no template " + TEMPLATE);
		}
		return view;
	}
}
