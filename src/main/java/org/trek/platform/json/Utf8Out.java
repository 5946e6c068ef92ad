package org.trek.platform.json;

import java.io.IOException;
import java.io.OutputStream;

/**
 * JSON text encoded as UTF-8 straight into a byte buffer that goes to a stream whenever it is full: a 1 MB answer (a
 * large trip's summary) costs one 16 KB buffer instead of a growing StringBuilder, its String and its byte copy.
 * Until the buffer first spills, nothing has been written, so a small answer can still be given a Content-Length.
 * Encodes as {@link String#getBytes} with UTF-8 does (a lone surrogate becomes '?').
 */
public final class Utf8Out implements Appendable {
    private final OutputStream stream;
    private final byte[] buffer;
    private int used;
    private boolean spilled;
    /** A high surrogate whose low half has not come yet (0: none). */
    private char pendingHigh;

    public Utf8Out(OutputStream stream, int bufferSize) {
        this.stream = stream;
        this.buffer = new byte[Math.max(16, bufferSize)];
    }

    @Override
    public Utf8Out append(CharSequence s) throws IOException {
        return append(s, 0, s.length());
    }

    @Override
    public Utf8Out append(CharSequence s, int start, int end) throws IOException {
        for (int i = start; i < end; i++) {
            append(s.charAt(i));
        }
        return this;
    }

    @Override
    public Utf8Out append(char c) throws IOException {
        if (pendingHigh != 0) {
            char high = pendingHigh;
            pendingHigh = 0;
            if (Character.isLowSurrogate(c)) {
                int cp = Character.toCodePoint(high, c);
                room(4);
                buffer[used++] = (byte) (0xF0 | cp >> 18);
                buffer[used++] = (byte) (0x80 | cp >> 12 & 0x3F);
                buffer[used++] = (byte) (0x80 | cp >> 6 & 0x3F);
                buffer[used++] = (byte) (0x80 | cp & 0x3F);
                return this;
            }
            room(1);
            buffer[used++] = '?';
        }
        if (c < 0x80) {
            if (used == buffer.length) {
                spill();
            }
            buffer[used++] = (byte) c;
        } else if (c < 0x800) {
            room(2);
            buffer[used++] = (byte) (0xC0 | c >> 6);
            buffer[used++] = (byte) (0x80 | c & 0x3F);
        } else if (Character.isHighSurrogate(c)) {
            pendingHigh = c;
        } else if (Character.isLowSurrogate(c)) {
            room(1);
            buffer[used++] = '?';
        } else {
            room(3);
            buffer[used++] = (byte) (0xE0 | c >> 12);
            buffer[used++] = (byte) (0x80 | c >> 6 & 0x3F);
            buffer[used++] = (byte) (0x80 | c & 0x3F);
        }
        return this;
    }

    /** True once part of the text has gone to the stream (its length is then no longer known in advance). */
    public boolean spilled() {
        return spilled;
    }

    /** Bytes held and not yet written: the whole text's length while nothing has spilled. */
    public int buffered() {
        return used + (pendingHigh != 0 ? 1 : 0);
    }

    /** Writes what is held (a trailing lone high surrogate as '?'). */
    public void finish() throws IOException {
        if (pendingHigh != 0) {
            pendingHigh = 0;
            room(1);
            buffer[used++] = '?';
        }
        if (used > 0) {
            stream.write(buffer, 0, used);
            used = 0;
        }
    }

    private void room(int bytes) throws IOException {
        if (used + bytes > buffer.length) {
            spill();
        }
    }

    private void spill() throws IOException {
        stream.write(buffer, 0, used);
        used = 0;
        spilled = true;
    }
}
