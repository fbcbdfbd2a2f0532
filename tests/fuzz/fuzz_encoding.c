/* Encodings: detection on any bytes; each decoder on any bytes gives valid
 * UTF-8 or an error; text that an encoding can hold comes back the same
 * (as NFC) from encode then decode. */
#include "fuzz.h"

static int words_only(const char *s, size_t n) {
  for (size_t i = 0; i < n; i++) {
    unsigned char c = (unsigned char)s[i];
    if (c < 0x80 && c != ' ' && !((c | 0x20) >= 'a' && (c | 0x20) <= 'z') && !(c >= '0' && c <= '9')) return 0;
  }
  return 1;
}

/* every word a Vietnamese syllable (one tone each: "ệệ" is no syllable) */
static int syllables_only(const char *s, size_t n) {
  size_t i = 0;
  while (i < n) {
    while (i < n && s[i] == ' ') i++;
    size_t j = i;
    while (j < n && s[j] != ' ') j++;
    if (j > i && vnt_syllable_valid(s + i, j - i) != 1) return 0;
    i = j;
  }
  return 1;
}

static int has_dd(const char *s, size_t n) {
  for (size_t i = 0; i + 1 < n; i++) if ((s[i] | 0x20) == 'd' && (s[i + 1] | 0x20) == 'd') return 1;
  return 0;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size) {
  int conf = -1;
  int enc = vnt_detect((const char *)data, size, &conf);
  CHECK(conf >= 0 && conf <= 100);
  CHECK(vnt_encoding_name(enc) != NULL);
  vnt_buf out, in, nfc, back;
  vnt_buf_init(&out);
  vnt_buf_init(&nfc);
  vnt_buf_init(&back);
  size_t off;
  for (int e = VNT_ENC_UTF8; e <= VNT_ENC_VISCII; e++) {
    vnt_status st = {0, 0};
    vnt_buf_reset(&out);
    if (vnt_decode((const char *)data, size, e, &out, &st) == VNT_OK)
      CHECK(vnt_utf8_validate(out.data ? out.data : "", out.len, &off) == VNT_OK);
  }
  fuzz_valid(data, size, &in);
  vnt_norm_opts o = VNT_NORM_OPTS_INIT;
  vnt_status st = {0, 0};
  int rc = vnt_normalize(in.data ? in.data : "", in.len, &o, &nfc, &st);
  if (rc != VNT_OK && rc != VNT_SAME) goto done;
  const char *t = rc == VNT_SAME ? (in.data ? in.data : "") : nfc.data;
  size_t tlen = rc == VNT_SAME ? in.len : nfc.len;
  for (int e = VNT_ENC_UTF16LE; e <= VNT_ENC_VISCII; e++) {
    vnt_buf_reset(&out);
    vnt_buf_reset(&back);
    if (vnt_encode(t, tlen, e, &out, &st) != VNT_OK) continue;   /* a character it cannot hold */
    /* VIQR writes marks with ASCII punctuation, and a reader must guess
     * whether "i?" ends a question: Vietnamese syllables and spaces (no ASCII
     * punctuation or controls, no "dd") must come back; other text may not */
    if (e == VNT_ENC_VIQR && (!words_only(t, tlen) || has_dd(t, tlen) || !syllables_only(t, tlen))) continue;
    CHECK(vnt_decode(out.data ? out.data : "", out.len, e, &back, &st) == VNT_OK);
    /* decoding drops a byte order mark at the start, as documented */
    const char *want = t;
    size_t wlen = tlen;
    if (wlen >= 3 && memcmp(want, "\xEF\xBB\xBF", 3) == 0) { want += 3; wlen -= 3; }
    CHECK(back.len == wlen && (wlen == 0 || memcmp(back.data, want, wlen) == 0));
  }
done:
  vnt_buf_free(&out);
  vnt_buf_free(&in);
  vnt_buf_free(&nfc);
  vnt_buf_free(&back);
  return 0;
}
