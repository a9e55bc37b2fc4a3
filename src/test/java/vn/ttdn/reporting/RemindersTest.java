package vn.ttdn.reporting;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.Executors;
import java.util.function.Function;
import java.util.stream.Collectors;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import jakarta.mail.internet.MimeMessage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.mail.javamail.JavaMailSenderImpl;
import org.springframework.test.web.servlet.MockMvc;
import vn.ttdn.IntegrationTest;
import vn.ttdn.TtdnApplication;

/**
 * Reminders (đôn đốc) go to the unit's focal officer and head through a real SMTP server
 * (GreenMail) on the days the jurisdiction sets, exactly once: again after a restart in the middle,
 * and with two application instances on one database.
 */
@IntegrationTest
class RemindersTest {

	@Autowired
	MockMvc mvc;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	Reminders reminders;

	@Autowired
	MailOutbox outbox;

	GreenMail smtp;
	int port;
	ReportingFixture fixture;

	/** The focal officer (000 Art. 27.2) and the head's account of the UBND Office of Hà Nội. */
	static final String FOCAL = "daumoi.hn-vpub@ttdn.example";
	static final String HEAD = "hn.vpub.truong@ttdn.example";

	@BeforeEach
	void start() {
		port = freePort();
		smtp = new GreenMail(new ServerSetup(port, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
		smtp.start();
		fixture = new ReportingFixture(mvc, jdbc);
	}

	@AfterEach
	void stop() {
		smtp.stop();
	}

	static int freePort() {
		try (var socket = new java.net.ServerSocket(0)) {
			return socket.getLocalPort();
		}
		catch (java.io.IOException e) {
			throw new java.io.UncheckedIOException(e);
		}
	}

	JavaMailSender sender() {
		var sender = new JavaMailSenderImpl();
		sender.setHost("127.0.0.1");
		sender.setPort(port);
		sender.getJavaMailProperties().put("mail.smtp.connectiontimeout", "3000");
		sender.getJavaMailProperties().put("mail.smtp.timeout", "3000");
		return sender;
	}

	/** A fresh request to the UBND Office due before {@code dueBefore}; returns the subject its reminders carry. */
	String request(LocalDate lastOnTimeDay, String subject) throws Exception {
		long vpub = fixture.unit("hn-vpub");
		long period = fixture.request("hn.dieuphoi", "01", subject, LocalDate.now().plusDays(30), List.of(vpub));
		jdbc.sql("update reporting_period set last_on_time_day = ?, due_before = ? where id = ?")
			.params(lastOnTimeDay, lastOnTimeDay.plusDays(1), period).update();
		return subject;
	}

	/** Who received a reminder about {@code subject}, with the reminder's subject line, and how many times. */
	Map<String, Long> received(String subject) throws Exception {
		Function<MimeMessage, String> key = m -> {
			try {
				return m.getAllRecipients()[0] + " | " + m.getSubject();
			}
			catch (jakarta.mail.MessagingException e) {
				throw new IllegalStateException(e);
			}
		};
		return java.util.Arrays.stream(smtp.getReceivedMessages())
			.filter(m -> key.apply(m).contains(subject))
			.collect(Collectors.groupingBy(key, java.util.TreeMap::new, Collectors.counting()));
	}

	int sendAll(MailOutbox box, JavaMailSender sender) {
		int total = 0;
		int sent;
		do {
			sent = box.dispatch(sender, Instant.now().plus(2, ChronoUnit.HOURS), 500);
			total += sent;
		}
		while (sent > 0);
		return total;
	}

	/** 7, 3 and 1 days before the due date, then every 3 days while overdue (the default until a jurisdiction sets its own). */
	@Test
	void remindsTheFocalOfficerAndTheHeadOnTheRightDaysOnce() throws Exception {
		LocalDate last = LocalDate.of(2027, 3, 19);
		String subject = request(last, "Báo cáo đột xuất về tiếp đón đoàn báo chí quốc tế tháng 3/2027");
		LocalDate due = last.plusDays(1);
		for (LocalDate day = due.minusDays(8); !day.isAfter(due.plusDays(7)); day = day.plusDays(1)) {
			reminders.plan(day);
			reminders.plan(day);
		}
		sendAll(outbox, sender());
		sendAll(outbox, sender());
		Map<String, Long> got = received(subject);
		assertThat(got).containsOnlyKeys(
				FOCAL + " | Nhắc hạn: «" + subject + "» hạn gửi trước ngày 20/03/2027",
				HEAD + " | Nhắc hạn: «" + subject + "» hạn gửi trước ngày 20/03/2027",
				FOCAL + " | Đôn đốc: «" + subject + "» đã quá hạn 1 ngày",
				HEAD + " | Đôn đốc: «" + subject + "» đã quá hạn 1 ngày",
				FOCAL + " | Đôn đốc: «" + subject + "» đã quá hạn 4 ngày",
				HEAD + " | Đôn đốc: «" + subject + "» đã quá hạn 4 ngày",
				FOCAL + " | Đôn đốc: «" + subject + "» đã quá hạn 7 ngày",
				HEAD + " | Đôn đốc: «" + subject + "» đã quá hạn 7 ngày");
		// The "before" reminders share a subject line: 7, 3 and 1 days before, one each.
		assertThat(got.get(FOCAL + " | Nhắc hạn: «" + subject + "» hạn gửi trước ngày 20/03/2027")).isEqualTo(3);
		assertThat(got.values().stream().filter(n -> n == 1).count()).isEqualTo(6);
		List<LocalDate> days = jdbc.sql("""
				select distinct m.on_day from reminder m join report r on r.id = m.report_id join reporting_period p on p.id = r.period_id
				where p.title = ? and m.channel = 'EMAIL' order by 1""").param(subject).query(LocalDate.class).list();
		assertThat(days).containsExactly(due.minusDays(7), due.minusDays(3), due.minusDays(1), due, due.plusDays(3), due.plusDays(6));
		// The unit's accounts see the same reminders in the application, and the coordinating department gets its digest.
		assertThat(jdbc.sql("""
				select count(*) from notification n join account a on a.id = n.account_id
				where a.username = 'hn.vpub.canbo' and n.text like ?""").param("%" + subject + "%").query(Long.class).single())
			.isEqualTo(6);
		assertThat(java.util.Arrays.stream(smtp.getReceivedMessages()).filter(m -> {
			try {
				return m.getAllRecipients()[0].toString().equals("hn.dieuphoi@ttdn.example")
						&& m.getSubject().startsWith("Tổng hợp ngày " + Reminders.DAY.format(due))
						&& m.getContent().toString().contains(subject);
			}
			catch (Exception e) {
				throw new IllegalStateException(e);
			}
		}).count()).isEqualTo(1);
	}

	@Test
	void aSubmittedReportIsNoLongerChasedAndTheJurisdictionsOwnDaysApply() throws Exception {
		LocalDate last = LocalDate.of(2027, 4, 9);
		String subject = request(last, "Báo cáo đột xuất về công tác thông tin đối ngoại tháng 4/2027");
		jdbc.sql("insert into reminder_setting (jurisdiction_code, days_before, overdue_every, updated_by, updated_at) values ('01', '5', 2, 'test', now())")
			.update();
		try {
			LocalDate due = last.plusDays(1);
			reminders.plan(due.minusDays(7));
			reminders.plan(due.minusDays(5));
			long report = jdbc.sql("select r.id from report r join reporting_period p on p.id = r.period_id where p.title = ?")
				.param(subject).query(Long.class).single();
			jdbc.sql("update report set first_submitted_on = ?, status = 'SUBMITTED' where id = ?").params(due.minusDays(2), report).update();
			reminders.plan(due.minusDays(1));
			reminders.plan(due.plusDays(1));
			sendAll(outbox, sender());
			assertThat(received(subject)).containsOnlyKeys(
					FOCAL + " | Nhắc hạn: «" + subject + "» hạn gửi trước ngày 10/04/2027",
					HEAD + " | Nhắc hạn: «" + subject + "» hạn gửi trước ngày 10/04/2027")
				.allSatisfy((k, n) -> assertThat(n).isEqualTo(1));
		}
		finally {
			jdbc.sql("delete from reminder_setting where jurisdiction_code = '01'").update();
		}
	}

	/**
	 * Node A plans while the mail server is down; the mail waits in the outbox. A second instance
	 * (node B, its own Spring context on the same database) starts, plans the same day again, and
	 * sends once the server is back. Then both nodes plan and send another day at the same time.
	 */
	@Test
	void exactlyOnceAcrossARestartAndWithTwoInstancesOnOneDatabase() throws Exception {
		LocalDate last = LocalDate.of(2027, 5, 19);
		String subject = request(last, "Báo cáo đột xuất về hoạt động đối ngoại dịp 19/5/2027");
		LocalDate due = last.plusDays(1);
		smtp.stop();
		reminders.plan(due.minusDays(7));
		assertThat(outbox.dispatch(sender(), Instant.now(), 5000)).isZero();
		assertThat(jdbc.sql("select count(*) from mail_outbox where sent_at is null and attempts > 0 and subject like ?")
			.param("%" + subject + "%").query(Long.class).single()).isEqualTo(2);

		try (ConfigurableApplicationContext nodeB = new SpringApplicationBuilder(TtdnApplication.class).profiles("test")
			.properties("server.port=0", "spring.mail.host=127.0.0.1", "spring.mail.port=" + port,
					"spring.mail.properties.mail.smtp.connectiontimeout=3000", "spring.mail.properties.mail.smtp.timeout=3000",
					"ttdn.database.embedded.clean=false")
			.run()) {
			Reminders remindersB = nodeB.getBean(Reminders.class);
			MailOutbox outboxB = nodeB.getBean(MailOutbox.class);
			JavaMailSender senderB = nodeB.getBean(JavaMailSender.class);
			smtp = new GreenMail(new ServerSetup(port, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
			smtp.start();
			remindersB.plan(due.minusDays(7));
			sendAll(outboxB, senderB);
			assertThat(received(subject)).hasSize(2).allSatisfy((k, n) -> assertThat(n).isEqualTo(1));

			var pool = Executors.newFixedThreadPool(4);
			try {
				List<Callable<Integer>> both = List.of(() -> reminders.plan(due.minusDays(3)), () -> remindersB.plan(due.minusDays(3)),
						() -> reminders.plan(due.minusDays(3)), () -> remindersB.plan(due.minusDays(3)));
				for (var f : pool.invokeAll(both)) {
					f.get();
				}
				List<Callable<Integer>> send = List.of(() -> sendAll(outbox, sender()), () -> sendAll(outboxB, senderB),
						() -> sendAll(outbox, sender()), () -> sendAll(outboxB, senderB));
				for (var f : pool.invokeAll(send)) {
					f.get();
				}
			}
			finally {
				pool.shutdown();
			}
			Map<String, Long> got = received(subject);
			assertThat(got).containsOnlyKeys(
					FOCAL + " | Nhắc hạn: «" + subject + "» hạn gửi trước ngày 20/05/2027",
					HEAD + " | Nhắc hạn: «" + subject + "» hạn gửi trước ngày 20/05/2027");
			assertThat(got.values()).containsOnly(2L); // 7 and 3 days before: once each
		}
		assertThat(jdbc.sql("select count(*) from mail_outbox where sent_at is null and subject like ?")
			.param("%" + subject + "%").query(Long.class).single()).isZero();
	}
}
