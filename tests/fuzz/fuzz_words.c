/* Word segmentation with a small dictionary, with and without joins: the
 * words are in bounds, in order, not overlapping, and cover every token. */
#include "fuzz.h"

static vnt_dict *dict;

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size) {
  if (!dict) {
    static const char words[] = "chuyển đổi\nchuyển đổi số\nhọc sinh\nsinh viên\nhà nội\nthành phố\nViệt Nam\n";
    dict = vnt_dict_new(42);
    size_t added;
    CHECK(vnt_dict_add_lines(dict, words, sizeof words - 1, &added) == VNT_OK);
  }
  if (size < 1) return 0;
  vnt_buf in, out;
  fuzz_valid(data + 1, size - 1, &in);
  vnt_buf_init(&out);
  vnt_words_opts o = {data[0] & 1, (data[0] >> 1) & 1, NULL};
  const char *s = in.data ? in.data : "";
  CHECK(vnt_words((data[0] & 4) ? NULL : dict, s, in.len, &o, &out) == VNT_OK);
  const vnt_span *w = (const vnt_span *)(const void *)out.data;
  size_t n = out.len / sizeof *w, prev = 0;
  for (size_t i = 0; i < n; i++) {
    CHECK(w[i].start >= prev && w[i].start < w[i].end && w[i].end <= in.len);
    prev = w[i].end;
  }
  /* every token lies inside a word */
  vnt_span t;
  size_t pos = 0, k = 0;
  while (vnt_token_next(s, in.len, pos, &t)) {
    while (k < n && w[k].end <= t.start) k++;
    CHECK(k < n && w[k].start <= t.start && t.end <= w[k].end);
    pos = t.end;
  }
  vnt_buf_free(&in);
  vnt_buf_free(&out);
  return 0;
}
