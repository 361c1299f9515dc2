package br.com.crm.kernel;

import jakarta.ejb.EJBException;
import jakarta.persistence.PersistenceException;
import org.junit.jupiter.api.Test;

import java.sql.SQLException;

import static org.assertj.core.api.Assertions.assertThat;

class BusinessExceptionTest {

    @Test
    void aWriteTheDatabaseEndedForAConcurrentOneIsAConflictToRetry() {
        for (String state : new String[]{"40P01", "40001", "55P03", "HYT00"}) {
            Throwable wrapped = new EJBException(new PersistenceException(new SQLException("ended", state)));
            assertThat(BusinessException.lostToConcurrentWrite(wrapped)).as(state).hasValueSatisfying(refusal -> {
                assertThat(refusal.getKind()).isEqualTo(BusinessException.Kind.CONFLICT);
                assertThat(refusal.getMessageKey()).isEqualTo("error.concurrentWrite");
            });
        }
    }

    @Test
    void anyOtherErrorStaysAServerError() {
        assertThat(BusinessException.lostToConcurrentWrite(
                new PersistenceException(new SQLException("duplicate", "23505")))).isEmpty();
        assertThat(BusinessException.lostToConcurrentWrite(new SQLException("no state"))).isEmpty();
        assertThat(BusinessException.lostToConcurrentWrite(new IllegalStateException("bug"))).isEmpty();
    }
}
