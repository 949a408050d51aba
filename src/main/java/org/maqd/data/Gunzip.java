package org.maqd.data;

import java.util.Arrays;
import java.util.function.ToLongFunction;
import java.util.zip.CRC32;
import java.util.zip.Inflater;

/**
 * A strict gzip decoder (RFC 1952) for data files. Every member's header, CRC-32 and length are checked; members may
 * follow one another, anything else after the last member is refused as trailing junk. The decoded size is bounded
 * before it is reached: once the first {@code headBytes} decoded bytes are known, {@code limitOf} turns them into the
 * most bytes the content may hold (an IDX header's counts), and decoding stops with an error one byte past it, so a
 * small file that inflates to gigabytes never fills the heap. Written by hand because {@code GZIPInputStream} accepts
 * trailing junk silently and cannot bound its output.
 */
final class Gunzip {
    static final long MAX_ARRAY = Integer.MAX_VALUE - 8;
    private static final int FHCRC = 2, FEXTRA = 4, FNAME = 8, FCOMMENT = 16;

    private Gunzip() {}

    static byte[] inflate(String name, byte[] gz, int headBytes, ToLongFunction<byte[]> limitOf) {
        Inflater inf = new Inflater(true);
        try {
            long limit = -1;
            byte[] out = new byte[Math.max(headBytes, (int) Math.min(1 << 20, 4L * gz.length + 64))];
            int n = 0, pos = 0;
            for (int member = 0; ; member++) {
                pos = skipHeader(name, gz, pos, member);
                inf.reset();
                inf.setInput(gz, pos, gz.length - pos);
                int start = n;
                if (limit < 0 && headBytes == 0) limit = Math.min(limitOf.applyAsLong(new byte[0]), MAX_ARRAY - 1);
                while (!inf.finished()) {
                    long cap = limit < 0 ? headBytes : limit + 1;        // decode at most one byte past the limit
                    if (n == out.length) out = Arrays.copyOf(out, grow(name, out.length, cap));
                    int k = inflate(name, inf, out, n, (int) Math.min(out.length, cap) - n);
                    if (k == 0 && inf.needsDictionary()) {
                        throw new DataFormatException(name + ": corrupt gzip: the stream asks for a preset dictionary");
                    }
                    if (k == 0 && inf.needsInput()) {
                        throw new DataFormatException(name + ": corrupt gzip: the compressed stream ends early (file of "
                                + gz.length + " bytes is truncated)");
                    }
                    n += k;
                    if (limit < 0 && n >= headBytes) limit = Math.min(limitOf.applyAsLong(Arrays.copyOf(out, headBytes)), MAX_ARRAY - 1);
                    if (limit >= 0 && n > limit) {
                        throw new DataFormatException(name + ": trailing garbage: the gzip content is longer than the "
                                + limit + " bytes its header and format allow (decoding stopped at byte " + n + ")");
                    }
                }
                int end = gz.length - inf.getRemaining();
                checkTrailer(name, gz, end, out, start, n);
                pos = end + 8;
                if (pos == gz.length) break;
                if (gz.length - pos < 2 || (gz[pos] & 0xff) != 0x1f || (gz[pos + 1] & 0xff) != 0x8b) {
                    throw new DataFormatException(name + ": trailing junk after the gzip stream: " + (gz.length - pos)
                            + " byte(s) from byte offset " + pos + " that are not another gzip member (expected the end of the file)");
                }
            }
            if (n == 0) throw new DataFormatException(name + ": gzip stream decompresses to 0 bytes (empty file)");
            return n == out.length ? out : Arrays.copyOf(out, n);
        } finally {
            inf.end();
        }
    }

    private static int grow(String name, int len, long cap) {
        long next = Math.min(cap, Math.max(2L * len, 1 << 16));
        if (next <= len) throw new DataFormatException(name + ": gzip content larger than " + MAX_ARRAY + " bytes");
        return (int) next;
    }

    private static int inflate(String name, Inflater inf, byte[] out, int off, int len) {
        try {
            return inf.inflate(out, off, len);
        } catch (java.util.zip.DataFormatException e) {
            throw new DataFormatException(name + ": corrupt gzip: the file starts with the gzip magic 1f 8b but cannot be "
                    + "decompressed (" + e.getMessage() + ")");
        }
    }

    /** Checks a member header at {@code pos}; returns the offset of its compressed data. */
    private static int skipHeader(String name, byte[] b, int pos, int member) {
        String where = name + ": gzip member " + (member + 1) + " at byte offset " + pos;
        if (b.length - pos < 10) throw new DataFormatException(where + ": truncated header (10 bytes expected, " + (b.length - pos) + " found)");
        if ((b[pos] & 0xff) != 0x1f || (b[pos + 1] & 0xff) != 0x8b) throw new DataFormatException(where + ": expected the gzip magic 1f 8b");
        if (b[pos + 2] != 8) throw new DataFormatException(where + ": compression method " + (b[pos + 2] & 0xff) + ", expected 8 (deflate)");
        int flags = b[pos + 3] & 0xff;
        int p = pos + 10;
        if ((flags & FEXTRA) != 0) p = need(where, b, p, 2) + 2 + ((b[p] & 0xff) | (b[p + 1] & 0xff) << 8);
        if ((flags & FNAME) != 0) p = zeroTerminated(where, b, p);
        if ((flags & FCOMMENT) != 0) p = zeroTerminated(where, b, p);
        if ((flags & FHCRC) != 0) p += 2;
        return need(where, b, p, 0);
    }

    private static int need(String where, byte[] b, int p, int bytes) {
        if (p + bytes > b.length) throw new DataFormatException(where + ": header runs past the end of the file");
        return p;
    }

    private static int zeroTerminated(String where, byte[] b, int p) {
        while (p < b.length && b[p] != 0) p++;
        return need(where, b, p, 1) + 1;
    }

    private static void checkTrailer(String name, byte[] gz, int end, byte[] out, int start, int n) {
        if (end + 8 > gz.length) {
            throw new DataFormatException(name + ": corrupt gzip: the 8-byte trailer (CRC-32, length) at byte offset " + end
                    + " is cut off (file of " + gz.length + " bytes is truncated)");
        }
        CRC32 crc = new CRC32();
        crc.update(out, start, n - start);
        long want = le32(gz, end), size = le32(gz, end + 4);
        if (crc.getValue() != want) {
            throw new DataFormatException(name + ": corrupt gzip: CRC-32 at byte offset " + end + " is "
                    + String.format("%08x", want) + ", the decoded data gives " + String.format("%08x", crc.getValue()));
        }
        if (size != ((n - start) & 0xffffffffL)) {
            throw new DataFormatException(name + ": corrupt gzip: length at byte offset " + (end + 4) + " is " + size
                    + ", the decoded data holds " + (n - start) + " bytes");
        }
    }

    private static long le32(byte[] b, int p) {
        return (b[p] & 0xffL) | (b[p + 1] & 0xffL) << 8 | (b[p + 2] & 0xffL) << 16 | (b[p + 3] & 0xffL) << 24;
    }
}
