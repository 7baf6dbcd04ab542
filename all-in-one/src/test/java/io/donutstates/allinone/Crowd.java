package io.donutstates.allinone;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.IntFunction;

/** A flash crowd: many buyers released at once, each answer kept. */
final class Crowd {

    private Crowd() {
    }

    static List<TestShop.Answer> run(int buyersAtOnce, int purchases, IntFunction<TestShop.Answer> purchase) {
        ExecutorService pool = Executors.newFixedThreadPool(buyersAtOnce);
        CountDownLatch start = new CountDownLatch(1);
        try {
            List<Future<TestShop.Answer>> answers = new ArrayList<>();
            for (int i = 0; i < purchases; i++) {
                int n = i;
                Callable<TestShop.Answer> buyer = () -> {
                    start.await();
                    return purchase.apply(n);
                };
                answers.add(pool.submit(buyer));
            }
            start.countDown();
            List<TestShop.Answer> done = new ArrayList<>();
            for (Future<TestShop.Answer> answer : answers) {
                done.add(answer.get());
            }
            return done;
        } catch (Exception e) {
            throw new IllegalStateException("crowd failed", e);
        } finally {
            pool.shutdownNow();
        }
    }
}
