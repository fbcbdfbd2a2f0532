/* UTF-8 validation and repair: repair output is valid; valid input comes
 * back unchanged with no repairs; the first invalid byte is where
 * validation says. */
#include "fuzz.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size) {
  size_t off = 0, n = 0;
  int valid = vnt_utf8_validate((const char *)data, size, &off) == VNT_OK;
  vnt_buf b;
  vnt_buf_init(&b);
  CHECK(vnt_utf8_repair((const char *)data, size, &b, &n) == VNT_OK);
  CHECK(vnt_utf8_validate(b.data, b.len, &off) == VNT_OK);
  if (valid) {
    CHECK(n == 0);
    CHECK(b.len == size && (size == 0 || memcmp(b.data, data, size) == 0));
  } else {
    CHECK(n > 0);
    CHECK(off < size);
  }
  vnt_buf_free(&b);
  return 0;
}
