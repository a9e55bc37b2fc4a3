package vn.ttdn;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

/** The seed documents as shipped in the repository ({@code src/main/resources/seeds}), by their prefix. */
public final class Seeds {

	private static final Path DIR = Path.of("src/main/resources/seeds");

	private Seeds() {
	}

	public static String text(String prefix) {
		try (Stream<Path> files = Files.list(DIR)) {
			Path file = files.filter(p -> p.getFileName().toString().startsWith(prefix + "_")).findFirst().orElseThrow();
			return Files.readString(file, StandardCharsets.UTF_8);
		}
		catch (IOException e) {
			throw new UncheckedIOException(e);
		}
	}

	/** The seed with only the bold marks of the text conversion removed, for verbatim comparisons. */
	public static String withoutMarks(String prefix) {
		return text(prefix).replace("**", "");
	}
}
