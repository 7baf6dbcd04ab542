package io.donutstates.allinone;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import javax.sql.DataSource;
import org.springframework.beans.factory.config.InstantiationAwareBeanPostProcessor;
import software.amazon.awssdk.services.sqs.SqsClient;

/**
 * Lets the service start while the embedded database and queue server are still starting: the
 * first bean that talks to one of them waits for it, everything before runs alongside.
 */
final class WaitingForEmbeddedParts implements InstantiationAwareBeanPostProcessor {

    private final CompletableFuture<?> database;
    private final CompletableFuture<?> queues;

    WaitingForEmbeddedParts(CompletableFuture<?> database, CompletableFuture<?> queues) {
        this.database = database;
        this.queues = queues;
    }

    @Override
    public Object postProcessBeforeInstantiation(Class<?> beanClass, String beanName) {
        if (DataSource.class.isAssignableFrom(beanClass)) {
            await(database, "embedded MariaDB");
        } else if (SqsClient.class.isAssignableFrom(beanClass)) {
            await(queues, "embedded queue server");
        }
        return null;
    }

    private static void await(CompletableFuture<?> part, String name) {
        try {
            part.join();
        } catch (CompletionException e) {
            throw new IllegalStateException(name + " did not start: " + e.getCause().getMessage(), e.getCause());
        }
    }
}
