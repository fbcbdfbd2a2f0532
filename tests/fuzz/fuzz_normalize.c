/* Normalization: the first byte picks the form and the options; the rest,
 * made valid, is normalized.  Each form's output is in that form and
 * idempotent; NFC agrees with utf8proc's; tone styles are idempotent. */
#include "fuzz.h"
#include <utf8proc.h>

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size) {
  if (size < 1) return 0;
  unsigned sel = data[0];
  vnt_buf in, out, again;
  fuzz_valid(data + 1, size - 1, &in);
  vnt_buf_init(&out);
  vnt_buf_init(&again);
  vnt_norm_opts o = VNT_NORM_OPTS_INIT;
  o.form = (vnt_form)(sel % 4 + 1);   /* NFC, NFD, NFKC, NFKD */
  o.tones = (vnt_tones)((sel >> 2) % 3);
  o.casing = (vnt_case)((sel >> 4) % 4);
  o.flags = (sel >> 6) & 3u;   /* strip, space */
  vnt_status st = {0, 0};
  int rc = vnt_normalize(in.data ? in.data : "", in.len, &o, &out, &st);
  if (rc == VNT_ELIMIT) goto done;   /* a run of marks over the limit: refused, as documented */
  CHECK(rc == VNT_OK || rc == VNT_SAME);
  const char *r = rc == VNT_SAME ? (in.data ? in.data : "") : out.data;
  size_t rlen = rc == VNT_SAME ? in.len : out.len;
  size_t off;
  CHECK(vnt_utf8_validate(r, rlen, &off) == VNT_OK);
  if (o.casing == VNT_CASE_KEEP && o.flags == 0 && o.form != VNT_FORM_NONE) {
    CHECK(vnt_is_normalized(r, rlen, o.form, &off) == 1);
  }
  /* idempotent: the result normalized again is the same */
  int rc2 = vnt_normalize(r, rlen, &o, &again, &st);
  CHECK(rc2 == VNT_SAME || (rc2 == VNT_OK && again.len == rlen && memcmp(again.data, r, rlen) == 0));
  /* NFC as utf8proc has it */
  if (o.form == VNT_NFC && o.tones == VNT_TONES_KEEP && o.casing == VNT_CASE_KEEP && o.flags == 0 && in.len) {
    char *z = malloc(in.len + 1);
    memcpy(z, in.data, in.len);
    z[in.len] = 0;
    if (!memchr(z, 0, in.len)) {
      utf8proc_uint8_t *u = utf8proc_NFC((const utf8proc_uint8_t *)z);
      CHECK(u != NULL);
      CHECK(strlen((char *)u) == rlen && memcmp(u, r, rlen) == 0);
      free(u);
    }
    free(z);
  }
done:
  vnt_buf_free(&in);
  vnt_buf_free(&out);
  vnt_buf_free(&again);
  return 0;
}
