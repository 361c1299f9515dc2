package br.com.crm.funnel.control;

import br.com.crm.kernel.Change;
import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
import java.util.stream.LongStream;

import static org.assertj.core.api.Assertions.assertThat;

class TextMatchesTest {

    private final TextMatches matches = new TextMatches();
    private final AtomicInteger queries = new AtomicInteger();

    private Supplier<long[]> finding(long... ids) {
        return () -> {
            queries.incrementAndGet();
            return ids;
        };
    }

    @Test
    void aTextsMatchesAreFoundOnceAndKeptThroughMovesAndActivities() {
        assertThat(matches.ids("%acme%", finding(3, 5))).containsExactly(3, 5);
        matches.changed(change(Change.Kind.SUBJECT_MOVED));
        matches.changed(change(Change.Kind.ACTIVITY_DONE));
        matches.changed(change(Change.Kind.SUBJECT_TAGGED));

        assertThat(matches.ids("%acme%", finding(7))).containsExactly(3, 5);
        assertThat(queries).hasValue(1);
        assertThat(matches.ids("%outra%", finding(7))).containsExactly(7);
        assertThat(queries).hasValue(2);
    }

    @Test
    void whatCanChangeTheMatchesDropsThemAll() {
        for (Change.Kind kind : List.of(Change.Kind.SUBJECT_CREATED, Change.Kind.SUBJECT_EDITED,
                Change.Kind.SUBJECT_DELETED, Change.Kind.SUBJECTS_IMPORTED, Change.Kind.CUSTOMER_SAVED,
                Change.Kind.CUSTOMER_ANONYMIZED)) {
            matches.ids("%acme%", finding(3));
            matches.changed(change(kind));

            assertThat(matches.ids("%acme%", finding(4))).as(kind.name()).containsExactly(4);
        }
    }

    @Test
    void tooManyMatchesAreNotKeptAsIds() {
        long[] all = LongStream.rangeClosed(1, TextMatches.AT_MOST + 1).toArray();

        assertThat(matches.ids("%ltda%", finding(all))).isNull();
        assertThat(matches.ids("%ltda%", finding(all))).isNull();
        assertThat(queries).as("the answer 'too many' is kept too").hasValue(1);
    }

    @Test
    void keptMatchesExpireForChangesMadeBesideTheModule() {
        Instant start = Instant.parse("2026-12-07T12:00:00Z");
        matches.clock = Clock.fixed(start, ZoneOffset.UTC);
        matches.ids("%acme%", finding(3));

        matches.clock = Clock.fixed(start.plus(TextMatches.TIME_TO_LIVE).plus(Duration.ofSeconds(1)), ZoneOffset.UTC);
        assertThat(matches.ids("%acme%", finding(4))).containsExactly(4);
    }

    private static Change change(Change.Kind kind) {
        return Change.of(kind, List.of(1L), List.of(), null, "ana", null, "here");
    }
}
