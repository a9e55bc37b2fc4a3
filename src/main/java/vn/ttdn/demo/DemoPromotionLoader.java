package vn.ttdn.demo;

import java.awt.Color;
import java.awt.Font;
import java.awt.GradientPaint;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import javax.imageio.ImageIO;

import org.jspecify.annotations.Nullable;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.springframework.core.io.ClassPathResource;
import org.springframework.stereotype.Component;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.dataformat.yaml.YAMLMapper;
import vn.ttdn.organization.RegistryImport;
import vn.ttdn.promotion.Classification;
import vn.ttdn.promotion.ItemAction;
import vn.ttdn.promotion.ItemKind;
import vn.ttdn.promotion.PromotionItems;
import vn.ttdn.promotion.Topic;
import vn.ttdn.shared.TtdnProperties;
import vn.ttdn.shared.security.Actor;

/**
 * The starting collection of the image-promotion system ({@code demo/promotion/collection.yaml}),
 * taken through the real workflow by the demo accounts: contributed by a unit's officer, reviewed
 * by the coordinating department, cleared by the security body, published in each language. Its
 * pictures are illustrations drawn here and labelled as such. A few items stop earlier (awaiting
 * review, cleared for internal use only, withdrawn) so that every state can be seen.
 */
@Component
@Order(12)
class DemoPromotionLoader implements ApplicationRunner {

	static final String DATASET = "promotion-2026-11";
	private static final YAMLMapper YAML = YAMLMapper.builder()
		.disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
		.build();

	private final TtdnProperties properties;
	private final DemoDatasets datasets;
	private final PromotionItems items;
	private final RegistryImport registry;

	DemoPromotionLoader(TtdnProperties properties, DemoDatasets datasets, PromotionItems items, RegistryImport registry) {
		this.properties = properties;
		this.datasets = datasets;
		this.items = items;
		this.registry = registry;
	}

	record Text(String title, @Nullable String summary, @Nullable String body) {
	}

	record Entry(String ref, String contributor, ItemKind kind, List<Topic> fields, List<String> tags, String place,
			LocalDate date, String credit, String state, List<String> colours, Map<String, Text> translations) {
	}

	record Collection(List<Entry> items) {
	}

	@Override
	public void run(ApplicationArguments args) {
		if (properties.demo().enabled()) {
			datasets.loadOnce(DATASET, this::load);
		}
	}

	private void load() {
		Collection collection;
		try (InputStream in = new ClassPathResource("demo/promotion/collection.yaml").getInputStream()) {
			collection = YAML.readValue(in, Collection.class);
		}
		catch (IOException e) {
			throw new UncheckedIOException(e);
		}
		for (Entry e : collection.items()) {
			Actor officer = actor(e.contributor());
			String prefix = e.contributor().substring(0, e.contributor().indexOf('.'));
			Actor coordinator = actor(prefix + ".dieuphoi");
			Actor security = actor(prefix + ".anninh");
			List<PromotionItems.TranslationForm> texts = new ArrayList<>();
			e.translations().forEach((lang, t) -> texts.add(new PromotionItems.TranslationForm(lang, t.title(), t.summary(), t.body())));
			Text vi = Objects.requireNonNull(e.translations().get("vi"), e.ref());
			String caption = "Ảnh minh họa do hệ thống tạo, không phải ảnh chụp: " + vi.title();
			long id = items.create(officer, new PromotionItems.ItemForm(e.kind(), e.fields(), e.tags(), e.place(), e.date(),
					null, e.credit(), "CC BY 4.0", Classification.PUBLIC), texts,
					List.of(new PromotionItems.Upload(e.ref() + ".png", illustration(vi.title(), e.colours()), caption, true)));
			items.act(officer, id, ItemAction.SUBMIT, null, null, List.of());
			if (e.state().equals("SUBMITTED")) {
				continue;
			}
			items.act(coordinator, id, ItemAction.APPROVE_CONTENT, null, null, List.of());
			boolean internal = e.state().equals("INTERNAL");
			items.act(security, id, ItemAction.CLEAR, null, internal ? Classification.INTERNAL : Classification.PUBLIC, List.of());
			if (internal) {
				continue;
			}
			items.act(coordinator, id, ItemAction.PUBLISH, null, null, List.copyOf(e.translations().keySet()));
			if (e.state().equals("WITHDRAWN")) {
				items.act(coordinator, id, ItemAction.WITHDRAW, "Chú thích ảnh ghi sai địa điểm.", null, List.of());
			}
		}
	}

	private Actor actor(String username) {
		DemoAccounts.Spec spec = DemoAccounts.SPECS.stream().filter(s -> s.username().equals(username)).findFirst()
			.orElseThrow(() -> new IllegalStateException("no demo account " + username));
		Long unit = spec.unitKey() == null ? null : registry.unitIdByKey(spec.unitKey());
		return new Actor(0, spec.username(), spec.displayName(), spec.role(), spec.jurisdiction(), unit);
	}

	/** A picture drawn for the demo, saying on its face that it is an illustration and not a photograph. */
	static byte[] illustration(String title, List<String> colours) {
		int width = 1200;
		int height = 800;
		BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
		Graphics2D g = image.createGraphics();
		try {
			g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
			g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
			g.setPaint(new GradientPaint(0, 0, Color.decode(colours.get(0)), width, height, Color.decode(colours.get(1))));
			g.fillRect(0, 0, width, height);
			g.setColor(new Color(255, 255, 255, 60));
			for (int i = 0; i < 6; i++) {
				g.fillOval(120 + i * 170, 420 - (i % 3) * 60, 260, 260);
			}
			g.setColor(Color.WHITE);
			g.setFont(new Font(Font.SANS_SERIF, Font.BOLD, 40));
			g.drawString("ẢNH MINH HỌA · ILLUSTRATION", 60, 100);
			g.setFont(new Font(Font.SANS_SERIF, Font.PLAIN, 34));
			int y = 180;
			for (String line : wrap(title, 52)) {
				g.drawString(line, 60, y);
				y += 48;
			}
			g.setFont(new Font(Font.SANS_SERIF, Font.PLAIN, 24));
			g.drawString("Hình do hệ thống tạo ra, không phải ảnh chụp · Generated image, not a photograph", 60, height - 50);
		}
		finally {
			g.dispose();
		}
		var bytes = new ByteArrayOutputStream();
		try {
			ImageIO.write(image, "png", bytes);
		}
		catch (IOException e) {
			throw new UncheckedIOException(e);
		}
		return bytes.toByteArray();
	}

	private static List<String> wrap(String text, int width) {
		List<String> lines = new ArrayList<>();
		StringBuilder line = new StringBuilder();
		for (String word : text.split(" ")) {
			if (line.length() + word.length() + 1 > width && !line.isEmpty()) {
				lines.add(line.toString());
				line.setLength(0);
			}
			line.append(line.isEmpty() ? "" : " ").append(word);
		}
		if (!line.isEmpty()) {
			lines.add(line.toString());
		}
		return lines;
	}
}
