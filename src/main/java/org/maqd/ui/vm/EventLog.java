package org.maqd.ui.vm;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/** An append-only list of immutable records with one writer and lock-free readers (see {@link SeriesBuffer}). */
public final class EventLog<T> {
    private volatile Object[] items = new Object[64];
    private volatile int size;

    public void append(T item) {
        int n = size;
        if (n == items.length) items = Arrays.copyOf(items, n * 2);
        items[n] = item;
        size = n + 1;
    }

    public int size() { return size; }

    @SuppressWarnings("unchecked")
    public T last() {
        int n = size;
        return n == 0 ? null : (T) items[n - 1];
    }

    @SuppressWarnings("unchecked")
    public List<T> snapshot() {
        int n = size;
        Object[] a = items;
        List<T> out = new ArrayList<>(n);
        for (int i = 0; i < n; i++) out.add((T) a[i]);
        return out;
    }
}
