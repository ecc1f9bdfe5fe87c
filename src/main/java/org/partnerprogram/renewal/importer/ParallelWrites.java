package org.partnerprogram.renewal.importer;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;

/**
 * A few writer threads with a bounded queue: the reading thread waits when the writers fall behind,
 * so a large file never piles up in memory. The first failed write fails the import.
 */
final class ParallelWrites implements AutoCloseable {

    private final ThreadPoolExecutor pool;
    private final List<Future<?>> pending = new ArrayList<>();

    ParallelWrites(int threads) {
        pool = new ThreadPoolExecutor(threads, threads, 0, TimeUnit.SECONDS, new ArrayBlockingQueue<>(threads * 64),
                new ThreadPoolExecutor.CallerRunsPolicy());
    }

    void submit(Runnable write) {
        pending.add(pool.submit(write));
        if (pending.size() >= 4096) {
            finish();
        }
    }

    /** Waits for every write so far; rethrows the first failure. */
    void finish() {
        try {
            for (Future<?> write : pending) {
                write.get();
            }
        } catch (ExecutionException e) {
            throw e.getCause() instanceof RuntimeException cause ? cause : new IllegalStateException(e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("import interrupted", e);
        } finally {
            pending.clear();
        }
    }

    @Override
    public void close() {
        pool.shutdownNow();
    }
}
