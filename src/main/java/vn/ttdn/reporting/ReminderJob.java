package vn.ttdn.reporting;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Configuration;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.scheduling.annotation.EnableScheduling;
import org.springframework.scheduling.annotation.Scheduled;

/**
 * Every few minutes, on every node: plan today's reminders, then send waiting mail. Running on
 * several nodes at once is safe: reminders are claimed by their unique key, mail by row locks.
 * Without a mail server configured ({@code SPRING_MAIL_HOST}) mail waits in the outbox.
 */
@Configuration(proxyBeanMethods = false)
@EnableScheduling
@ConditionalOnProperty(name = "ttdn.reminders.enabled", havingValue = "true", matchIfMissing = true)
class ReminderJob {

	private static final Logger log = LoggerFactory.getLogger(ReminderJob.class);

	private final Reminders reminders;
	private final MailOutbox outbox;
	private final ObjectProvider<JavaMailSender> sender;
	private final Clock clock;

	ReminderJob(Reminders reminders, MailOutbox outbox, ObjectProvider<JavaMailSender> sender, Clock clock) {
		this.reminders = reminders;
		this.outbox = outbox;
		this.sender = sender;
		this.clock = clock;
	}

	@Scheduled(initialDelayString = "${ttdn.reminders.initial-delay:PT1M}", fixedDelayString = "${ttdn.reminders.interval:PT5M}")
	void run() {
		long started = System.nanoTime();
		int planned = reminders.plan(LocalDate.now(clock));
		long planning = (System.nanoTime() - started) / 1_000_000;
		JavaMailSender mail = sender.getIfAvailable();
		int sent = mail == null ? 0 : outbox.dispatch(mail, Instant.now(clock), 200);
		if (planned > 0 || sent > 0) {
			log.info("Reminders: {} planned in {} ms, {} mails sent, {} waiting", planned, planning, sent, outbox.waiting());
		}
		else {
			log.debug("Reminders: nothing new, planning took {} ms", planning);
		}
	}
}
