package org.maqd.tensor;

import java.util.ArrayDeque;
import org.maqd.tensor.fast.PackedGemm;

/**
 * Scratch for one GEMM at a time: the packed B operand and one edge tile per work chunk. Buffers grow lazily
 * and are kept, so repeated calls with the same sizes allocate nothing. Not thread-safe: one call uses a
 * workspace at a time (a {@link Parallel} keeps a {@link Pool} for callers that do not bring their own).
 */
public final class GemmWorkspace {
    private float[] packed = new float[0];
    private float[] tiles = new float[0];
    private float[] transposedA = new float[0];

    /** A buffer of at least {@code size} floats for the packed B operand. */
    public float[] packed(int size) {
        if (packed.length < size) packed = new float[size];
        return packed;
    }

    /** A buffer of at least {@code size} floats for a row-major copy of a transposed A. */
    public float[] transposedA(int size) {
        if (transposedA.length < size) transposedA = new float[size];
        return transposedA;
    }

    /** Edge-tile scratch for {@code chunks} chunks; chunk c uses offset {@code c * PackedGemm.TILE}. */
    public float[] tiles(int chunks) {
        int size = chunks * PackedGemm.TILE;
        if (tiles.length < size) tiles = new float[size];
        return tiles;
    }

    /** A thread-safe free list of workspaces; grows to the number of concurrent callers, then stops allocating. */
    public static final class Pool {
        private final ArrayDeque<GemmWorkspace> free = new ArrayDeque<>();

        public synchronized GemmWorkspace acquire() {
            GemmWorkspace ws = free.pollFirst();
            return ws != null ? ws : new GemmWorkspace();
        }

        public synchronized void release(GemmWorkspace ws) { free.addFirst(ws); }
    }
}
