package io.quetzal.foundation.json;

import java.util.Arrays;

/**
 * Base64 as Node's {@code Buffer.from(string, 'base64')} decodes it: both the standard and the URL
 * alphabet, characters outside them skipped, decoding stopped at the first {@code =}, a trailing
 * partial group decoded as far as it goes, and the output capped at the size Node allocates from
 * the raw length. (For text that is valid forgiving-base64, this is ordinary base64.)
 */
final class NodeBase64 {
  private static final byte[] TABLE = new byte[256];

  static {
    Arrays.fill(TABLE, (byte) -1);
    String std = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
    for (int i = 0; i < 64; i++) {
      TABLE[std.charAt(i)] = (byte) i;
    }
    TABLE['-'] = 62;
    TABLE['_'] = 63;
  }

  private NodeBase64() {}

  /** The official base64 check for strings of at most 1024 characters. */
  static boolean matchesStrictRegex(String s) {
    int n = s.length();
    if (n % 4 != 0) {
      return false;
    }
    int pad = 0;
    if (n > 0 && s.charAt(n - 1) == '=') {
      pad = n > 1 && s.charAt(n - 2) == '=' ? 2 : 1;
    }
    for (int i = 0; i < n - pad; i++) {
      char c = s.charAt(i);
      boolean ok =
          (c >= 'A' && c <= 'Z')
              || (c >= 'a' && c <= 'z')
              || (c >= '0' && c <= '9')
              || c == '+'
              || c == '/';
      if (!ok) {
        return false;
      }
    }
    return true;
  }

  static byte[] decode(String src) {
    int srclen = src.length();
    int dstlen = decodedSize(src);
    byte[] dst = new byte[dstlen];
    int i = 0;
    int k = 0;
    outer:
    while (i < srclen && k < dstlen) {
      int hi = 0;
      for (int pos = 0; pos < 4; pos++) {
        int lo;
        while (true) {
          char c = src.charAt(i);
          lo = TABLE[c & 0xff];
          i++;
          if (lo >= 0) {
            break;
          }
          if (c == '=' || i >= srclen) {
            break outer;
          }
        }
        switch (pos) {
          case 1 -> dst[k++] = (byte) (((hi & 0x3f) << 2) | ((lo & 0x30) >> 4));
          case 2 -> dst[k++] = (byte) (((hi & 0x0f) << 4) | ((lo & 0x3c) >> 2));
          case 3 -> dst[k++] = (byte) (((hi & 0x03) << 6) | (lo & 0x3f));
          default -> {}
        }
        if (i >= srclen || k >= dstlen) {
          break outer;
        }
        hi = lo;
      }
    }
    return k == dstlen ? dst : Arrays.copyOf(dst, k);
  }

  private static int decodedSize(String src) {
    int size = src.length();
    if (size < 2) {
      return 0;
    }
    if (src.charAt(size - 1) == '=') {
      size--;
      if (src.charAt(size - 1) == '=') {
        size--;
      }
    }
    return size > 1 ? (size / 4) * 3 + (size % 4 + 1) / 2 : 0;
  }
}
