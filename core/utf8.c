/* utf8.c -- strict UTF-8 decoding, validation and repair. */
#include <string.h>

#include "vnt.h"
#include "vnt_internal.h"

int vnt_utf8_decode(const unsigned char *s, size_t len, int32_t *cp) {
  if (len == 0 || s == NULL) { *cp = -1; return 0; }   /* nothing to decode: 0, never a read past the end */
  return vnt__utf8_decode(s, len, cp);
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
  size_t i = vnt__simple_prefix(s, 0, len, 0);   /* vectorized where it can be */
  while (i < len) {
    i += ascii_prefix(s + i, len - i);
    if (i >= len) break;
    int32_t cp;
    int n = vnt__utf8_decode(s + i, len - i, &cp);
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
    int n = vnt__utf8_decode(s + i, len - i, &cp);
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
