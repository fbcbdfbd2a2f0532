/* Shared by the libFuzzer targets: a property that fails aborts with where
 * and what, so libFuzzer keeps the input that broke it. */
#ifndef VNT_FUZZ_H
#define VNT_FUZZ_H
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <stdint.h>
#include "vnt.h"

#define CHECK(c) do { if (!(c)) { \
  fprintf(stderr, "property failed: %s (%s:%d)\n", #c, __FILE__, __LINE__); abort(); } } while (0)

/* The input made valid UTF-8 (invalid bytes become U+FFFD): into b. */
static inline void fuzz_valid(const uint8_t *data, size_t size, vnt_buf *b) {
  size_t n = 0;
  vnt_buf_init(b);
  CHECK(vnt_utf8_repair((const char *)data, size, b, &n) == VNT_OK);
}
#endif
