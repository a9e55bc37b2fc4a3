package vn.ttdn.shared;

import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

import org.jspecify.annotations.Nullable;

/**
 * A task run again and again on a daemon thread of its own, for what a node learns of the other
 * nodes by asking the database (the registry's revision, sessions changed elsewhere). A failed run
 * is handed to {@code failed} and the next run tries again. Started and stopped by its owner's
 * lifecycle ({@link Owner}); at least 10 ms between runs.
 */
public final class Poller {

	private final String name;
	private final Duration every;
	private final Duration first;
	private final Runnable poll;
	private final Consumer<RuntimeException> failed;
	private volatile @Nullable ScheduledExecutorService executor;

	/** Runs {@code poll} {@code every} so long, the first time after {@code first}. */
	public Poller(String name, Duration first, Duration every, Runnable poll, Consumer<RuntimeException> failed) {
		this.name = name;
		this.first = first;
		this.every = every;
		this.poll = poll;
		this.failed = failed;
	}

	public void start() {
		ScheduledExecutorService started = Executors.newSingleThreadScheduledExecutor(task -> {
			Thread thread = new Thread(task, name);
			thread.setDaemon(true);
			return thread;
		});
		long period = Math.max(10, every.toMillis());
		started.scheduleWithFixedDelay(() -> {
			try {
				poll.run();
			}
			catch (RuntimeException e) {
				failed.accept(e);
			}
		}, first.toMillis(), period, TimeUnit.MILLISECONDS);
		executor = started;
	}

	public void stop() {
		ScheduledExecutorService running = executor;
		executor = null;
		if (running != null) {
			running.shutdownNow();
		}
	}

	public boolean isRunning() {
		return executor != null;
	}

	/** A bean whose lifecycle is its poller's: started and stopped with the application context. */
	public interface Owner extends org.springframework.context.SmartLifecycle {

		Poller poller();

		@Override
		default void start() {
			poller().start();
		}

		@Override
		default void stop() {
			poller().stop();
		}

		@Override
		default boolean isRunning() {
			return poller().isRunning();
		}
	}
}
