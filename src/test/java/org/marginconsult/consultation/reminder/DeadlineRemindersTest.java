package org.marginconsult.consultation.reminder;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.GreenMailUtil;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.marginconsult.support.ConsultationFixtures;
import org.marginconsult.support.GreenMailTestResource;
import org.marginconsult.support.TestClock;
import org.marginconsult.support.TestUnsubmittedDrafts;
import org.marginconsult.support.Tokens;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.marginconsult.support.ConsultationFixtures.body;
import static org.marginconsult.support.ConsultationFixtures.changePeriod;

@QuarkusTest
class DeadlineRemindersTest {

    /** Published Fri 26 Jun 2026, 60 days: the last on-time second is 2026-08-26T03:59:59Z. */
    private static final LocalDate PUBLISHED = LocalDate.of(2026, 6, 26);
    private static final Instant END = Instant.parse("2026-08-26T04:00:00Z");

    @GreenMailTestResource.Inject
    GreenMail mail;

    @Inject
    DeadlineReminders reminders;

    @Inject
    TestClock clock;

    @Inject
    TestUnsubmittedDrafts drafts;

    @BeforeEach
    void participantsHaveUsedTheApplication() throws Exception {
        mail.purgeEmailFromAllMailboxes();
        for (String participant : List.of("alice", "amir", "bella")) {
            given().auth().oauth2(Tokens.accessToken(participant)).get("/api/v1/me").then().statusCode(200);
        }
    }

    @AfterEach
    void reset() {
        clock.reset();
        drafts.clear();
    }

    @Test
    void participantsOfAFirmWithADraftGetOneReminderSevenDaysAndOneADayBeforeTheClose() throws Exception {
        long id = ConsultationFixtures.published("reminders", PUBLISHED, 60);
        drafts.set(id, "firm-a");

        clock.set(END.minus(Duration.ofDays(7)).minusSeconds(60));
        assertEquals(0, reminders.sendDue(), "more than 7 days before the close: nothing yet");

        clock.set(END.minus(Duration.ofDays(7)).plusSeconds(60));
        assertEquals(2, reminders.sendDue());
        assertEquals(List.of("alice@demo.marginconsult.invalid", "amir@demo.marginconsult.invalid"), recipients());
        MimeMessage first = mail.getReceivedMessages()[0];
        assertTrue(first.getSubject().endsWith("close in 7 days"), first.getSubject());
        String text = GreenMailUtil.getBody(first);
        assertTrue(text.contains("Tuesday, August 25, 2026 at 11:59:59 PM EDT"), text);
        assertTrue(text.contains("2026-08-26 03:59:59 UTC"), text);
        assertTrue(text.contains("/consultations/" + id), text);

        assertEquals(0, reminders.sendDue(), "the 7-day reminder is sent once");
        clock.advance(Duration.ofHours(5));
        assertEquals(0, reminders.sendDue(), "and not again later that week");

        clock.set(END.minus(Duration.ofDays(1)).plusSeconds(60));
        assertEquals(2, reminders.sendDue());
        assertEquals(0, reminders.sendDue(), "the 1-day reminder is sent once");
        MimeMessage[] all = mail.getReceivedMessages();
        assertEquals(4, all.length);
        assertEquals(2, Arrays.stream(all).filter(m -> subject(m).endsWith("close in 1 day")).count());

        clock.set(END);
        assertEquals(0, reminders.sendDue(), "nothing once the period has closed");
        assertEquals(4, mail.getReceivedMessages().length);
    }

    @Test
    void firmsWithoutAnUnsubmittedDraftGetNoReminder() throws Exception {
        long id = ConsultationFixtures.published("reminders-no-draft", PUBLISHED, 60);
        drafts.set(id, "firm-b");

        clock.set(END.minus(Duration.ofDays(3)));
        assertEquals(1, reminders.sendDue());
        assertEquals(List.of("bella@demo.marginconsult.invalid"), recipients());
    }

    @Test
    void aMissedSevenDayReminderIsNotSentLateOnceTheLastDayHasBegun() throws Exception {
        long id = ConsultationFixtures.published("reminders-missed", PUBLISHED, 60);
        drafts.set(id, "firm-b");

        clock.set(END.minus(Duration.ofHours(12)));
        assertEquals(1, reminders.sendDue());
        assertTrue(subject(mail.getReceivedMessages()[0]).endsWith("close in 1 day"));
    }

    @Test
    void anExtensionBringsRemindersForTheNewClose() throws Exception {
        long id = ConsultationFixtures.published("reminders-extended", PUBLISHED, 60);
        drafts.set(id, "firm-b");
        clock.set(END.minus(Duration.ofDays(5)));
        assertEquals(1, reminders.sendDue());

        changePeriod(id, "extend", body("citation", "91 FR 8", "reason", "More time", "closingDate", "2026-09-30"))
                .statusCode(201);
        assertEquals(0, reminders.sendDue(), "the new close is weeks away");
        clock.set(Instant.parse("2026-10-01T04:00:00Z").minus(Duration.ofDays(6)));
        assertEquals(1, reminders.sendDue());
        assertTrue(GreenMailUtil.getBody(mail.getReceivedMessages()[1]).contains("Wednesday, September 30, 2026"));
    }

    private List<String> recipients() throws MessagingException {
        List<String> to = new java.util.ArrayList<>();
        for (MimeMessage m : mail.getReceivedMessages()) {
            for (var address : m.getRecipients(Message.RecipientType.TO)) {
                to.add(address.toString());
            }
        }
        return to.stream().sorted().toList();
    }

    private static String subject(MimeMessage m) {
        try {
            return m.getSubject();
        } catch (MessagingException e) {
            throw new IllegalStateException(e);
        }
    }
}
