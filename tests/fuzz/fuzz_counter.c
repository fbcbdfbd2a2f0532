/* The counter: counting text, then save and load give the same counts;
 * merging a counter into a copy doubles every count. */
#include "fuzz.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size) {
  if (size < 1) return 0;
  vnt_buf in, saved;
  fuzz_valid(data + 1, size - 1, &in);
  vnt_buf_init(&saved);
  vnt_counter *c = vnt_counter_new(), *d = vnt_counter_new(), *e = vnt_counter_new();
  CHECK(c && d && e);
  vnt_count_opts o;
  memset(&o, 0, sizeof o);
  o.n = data[0] % 4 + 1;
  o.unit = VNT_COUNT_SYLLABLE;
  o.normalize = (data[0] >> 2) & 1;
  o.norm = (vnt_norm_opts)VNT_NORM_OPTS_INIT;
  o.norm.casing = VNT_CASE_LOWER;
  o.all_tokens = (data[0] >> 3) & 1;
  vnt_status st = {0, 0};
  int rc = vnt_counter_add_text(c, in.data ? in.data : "", in.len, &o, &st);
  if (rc == VNT_ELIMIT) goto done;
  CHECK(rc == VNT_OK);
  /* also a raw key: any bytes (tabs and line breaks make it unsavable) */
  if (size > 1) CHECK(vnt_counter_add(e, (const char *)data + 1, size - 1, 3) == VNT_OK);
  CHECK(vnt_counter_get(e, (const char *)data + 1, size - 1) == (size > 1 ? 3 : 0));
  rc = vnt_counter_save(c, &saved);
  if (rc == VNT_OK) {
    size_t line = 0;
    CHECK(vnt_counter_load(d, saved.data ? saved.data : "", saved.len, &line) == VNT_OK);
    CHECK(vnt_counter_size(d) == vnt_counter_size(c));
    CHECK(vnt_counter_total(d) == vnt_counter_total(c));
    size_t pos = 0, klen;
    const char *key;
    int64_t n;
    while (vnt_counter_next(c, &pos, &key, &klen, &n)) CHECK(vnt_counter_get(d, key, klen) == n);
    CHECK(vnt_counter_merge(d, c) == VNT_OK);
    pos = 0;
    while (vnt_counter_next(c, &pos, &key, &klen, &n)) CHECK(vnt_counter_get(d, key, klen) == 2 * n);
  } else {
    CHECK(rc == VNT_EINVAL);   /* a key with a tab or a line break */
  }
done:
  vnt_counter_free(c);
  vnt_counter_free(d);
  vnt_counter_free(e);
  vnt_buf_free(&in);
  vnt_buf_free(&saved);
  return 0;
}
