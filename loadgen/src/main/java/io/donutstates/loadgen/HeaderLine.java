package io.donutstates.loadgen;

import java.net.ProtocolException;

/** One status, header or chunk-size line as raw bytes, matched without building Strings. */
final class HeaderLine {

    private final byte[] bytes = new byte[8 * 1024];
    private int length;

    void clear() {
        length = 0;
    }

    void append(byte b) throws ProtocolException {
        if (length == bytes.length) {
            throw new ProtocolException("response header line too long");
        }
        bytes[length++] = b;
    }

    /** Drops the CR of a CR LF line end; returns the line's length. */
    int endLine() {
        if (length > 0 && bytes[length - 1] == '\r') {
            length--;
        }
        return length;
    }

    int length() {
        return length;
    }

    byte byteAt(int i) {
        return bytes[i];
    }

    boolean startsWith(String ascii) {
        if (length < ascii.length()) {
            return false;
        }
        for (int i = 0; i < ascii.length(); i++) {
            if (bytes[i] != ascii.charAt(i)) {
                return false;
            }
        }
        return true;
    }

    /** Case-insensitive match of a lower-case header name given with its colon. */
    boolean nameIs(String lowerNameWithColon) {
        if (length < lowerNameWithColon.length()) {
            return false;
        }
        for (int i = 0; i < lowerNameWithColon.length(); i++) {
            if (Character.toLowerCase((char) bytes[i]) != lowerNameWithColon.charAt(i)) {
                return false;
            }
        }
        return true;
    }

    /** Case-insensitive search of a lower-case token anywhere in the line. */
    boolean contains(String lower) {
        for (int i = 0, last = length - lower.length(); i <= last; i++) {
            int j = 0;
            while (j < lower.length() && Character.toLowerCase((char) bytes[i + j]) == lower.charAt(j)) {
                j++;
            }
            if (j == lower.length()) {
                return true;
            }
        }
        return false;
    }

    /** The number starting at {@code from} (after spaces), ending at the first non-digit such as ';' or ' '. */
    long number(int from, int radix) throws ProtocolException {
        int i = from;
        while (i < length && (bytes[i] == ' ' || bytes[i] == '\t')) {
            i++;
        }
        long value = 0;
        int digits = 0;
        for (; i < length; i++, digits++) {
            int d = Character.digit((char) bytes[i], radix);
            if (d < 0) {
                break;
            }
            value = value * radix + d;
        }
        if (digits == 0 || digits > 15) {
            throw new ProtocolException("bad number in response: status, length or chunk size");
        }
        return value;
    }
}
