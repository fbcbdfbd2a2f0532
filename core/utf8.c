/* utf8.c -- strict UTF-8 decoding, validation and repair. */
#include <string.h>

#include "vnt.h"

/* Per Unicode 15 table 3-7 (well-formed byte sequences): the allowed range of
 * the second byte depends on the first, which is how overlongs (E0 80..9F,
 * F0 80..8F), surrogates (ED A0..BF) and code points above U+10FFFF (F4 90..,
 * F5..FF) are rejected without decoding. */
int vnt_utf8_decode(const unsigned char *s, size_t len, int32_t *cp) {
  unsigned c = s[0];
  *cp = -1;
  if (c < 0x80) { *cp = (int32_t)c; return 1; }
  if (c < 0xC2) return -1;               /* stray continuation or overlong lead C0/C1 */
  if (c < 0xE0) {
    if (len < 2 || (s[1] & 0xC0) != 0x80) return -1;
    *cp = (int32_t)(((c & 0x1F) << 6) | (s[1] & 0x3F));
    return 2;
  }
  if (c < 0xF0) {
    unsigned lo = 0x80, hi = 0xBF;
    if (c == 0xE0) lo = 0xA0;
    else if (c == 0xED) hi = 0x9F;
    if (len < 2 || s[1] < lo || s[1] > hi) return -1;
    if (len < 3 || (s[2] & 0xC0) != 0x80) return -2;
    *cp = (int32_t)(((c & 0x0F) << 12) | ((s[1] & 0x3Fu) << 6) | (s[2] & 0x3F));
    return 3;
  }
  if (c < 0xF5) {
    unsigned lo = 0x80, hi = 0xBF;
    if (c == 0xF0) lo = 0x90;
    else if (c == 0xF4) hi = 0x8F;
    if (len < 2 || s[1] < lo || s[1] > hi) return -1;
    if (len < 3 || (s[2] & 0xC0) != 0x80) return -2;
    if (len < 4 || (s[3] & 0xC0) != 0x80) return -3;
    *cp = (int32_t)(((c & 0x07) << 18) | ((s[1] & 0x3Fu) << 12) | ((s[2] & 0x3Fu) << 6) | (s[3] & 0x3F));
    return 4;
  }
  return -1;
}

int vnt_utf8_encode(int32_t cp, char *dst) {
  unsigned char *d = (unsigned char *)dst;
  uint32_t c = (uint32_t)cp;
  if (c < 0x80) { d[0] = (unsigned char)c; return 1; }
  if (c < 0x800) {
    d[0] = (unsigned char)(0xC0 | (c >> 6));
    d[1] = (unsigned char)(0x80 | (c & 0x3F));
    return 2;
  }
  if (c < 0x10000) {
    d[0] = (unsigned char)(0xE0 | (c >> 12));
    d[1] = (unsigned char)(0x80 | ((c >> 6) & 0x3F));
    d[2] = (unsigned char)(0x80 | (c & 0x3F));
    return 3;
  }
  d[0] = (unsigned char)(0xF0 | (c >> 18));
  d[1] = (unsigned char)(0x80 | ((c >> 12) & 0x3F));
  d[2] = (unsigned char)(0x80 | ((c >> 6) & 0x3F));
  d[3] = (unsigned char)(0x80 | (c & 0x3F));
  return 4;
}

/* Skip ASCII eight bytes at a time: most Vietnamese text is 80% ASCII. */
static size_t ascii_prefix(const unsigned char *s, size_t len) {
  size_t i = 0;
  while (i + 8 <= len) {
    uint64_t w;
    memcpy(&w, s + i, 8);
    if (w & UINT64_C(0x8080808080808080)) break;
    i += 8;
  }
  while (i < len && s[i] < 0x80) i++;
  return i;
}

int vnt_utf8_validate(const char *str, size_t len, size_t *err_off) {
  const unsigned char *s = (const unsigned char *)str;
  size_t i = 0;
  while (i < len) {
    i += ascii_prefix(s + i, len - i);
    if (i >= len) break;
    int32_t cp;
    int n = vnt_utf8_decode(s + i, len - i, &cp);
    if (n < 0) {
      if (err_off) *err_off = i;
      return VNT_EUTF8;
    }
    i += (size_t)n;
  }
  return VNT_OK;
}

int vnt_utf8_repair(const char *str, size_t len, vnt_buf *out, size_t *nrepl) {
  const unsigned char *s = (const unsigned char *)str;
  size_t i = 0, done = 0, count = 0;
  size_t len0 = out->len;
  while (i < len) {
    i += ascii_prefix(s + i, len - i);
    if (i >= len) break;
    int32_t cp;
    int n = vnt_utf8_decode(s + i, len - i, &cp);
    if (n > 0) { i += (size_t)n; continue; }
    if (vnt_buf_append(out, s + done, i - done) != VNT_OK ||
        vnt_buf_append(out, "\xEF\xBF\xBD", 3) != VNT_OK) {
      out->len = len0;
      return VNT_ENOMEM;
    }
    i += (size_t)-n;
    done = i;
    count++;
  }
  if (vnt_buf_append(out, s + done, len - done) != VNT_OK) {
    out->len = len0;
    return VNT_ENOMEM;
  }
  if (nrepl) *nrepl = count;
  return VNT_OK;
}
