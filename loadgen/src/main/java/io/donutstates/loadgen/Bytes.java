package io.donutstates.loadgen;

/** Byte-level helpers for classifying responses without decoding them. */
final class Bytes {

    private Bytes() {
    }

    static boolean contains(byte[] haystack, int length, byte[] needle) {
        outer:
        for (int i = 0, last = length - needle.length; i <= last; i++) {
            for (int j = 0; j < needle.length; j++) {
                if (haystack[i + j] != needle[j]) {
                    continue outer;
                }
            }
            return true;
        }
        return false;
    }
}
