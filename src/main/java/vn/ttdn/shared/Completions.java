package vn.ttdn.shared;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;

/**
 * Waiting for a result that another request is computing (a cache filled once for many readers):
 * the waiter gets the value, or the very exception the computing request got, not a wrapper.
 */
public final class Completions {

	private Completions() {
	}

	public static <T> T join(CompletableFuture<T> result) {
		try {
			return result.join();
		}
		catch (CompletionException e) {
			if (e.getCause() instanceof RuntimeException runtime) {
				throw runtime;
			}
			if (e.getCause() instanceof Error error) {
				throw error;
			}
			throw e;
		}
	}
}
