/* buf.c -- the caller-owned growable buffer every core function writes into. */
#include <stdlib.h>
#include <string.h>

#include "vnt.h"

void vnt_buf_init(vnt_buf *b) {
  b->data = NULL;
  b->len = b->cap = 0;
}

int vnt_buf_reserve(vnt_buf *b, size_t extra) {
  if (extra <= b->cap - b->len) return VNT_OK;
  if (extra > SIZE_MAX / 2 - b->len) return VNT_ENOMEM;  /* the doubling below must not overflow */
  size_t need = b->len + extra;
  size_t cap = b->cap ? b->cap : 256;
  while (cap < need) cap *= 2;   /* geometric growth: appends are amortized O(1) */
  char *p = realloc(b->data, cap);
  if (p == NULL) return VNT_ENOMEM;
  b->data = p;
  b->cap = cap;
  return VNT_OK;
}

int vnt_buf_append(vnt_buf *b, const void *p, size_t n) {
  if (n == 0) return VNT_OK;   /* memcpy from a NULL p is undefined even for n == 0 */
  int rc = vnt_buf_reserve(b, n);
  if (rc != VNT_OK) return rc;
  memcpy(b->data + b->len, p, n);
  b->len += n;
  return VNT_OK;
}

void vnt_buf_reset(vnt_buf *b) { b->len = 0; }

void vnt_buf_free(vnt_buf *b) {
  free(b->data);
  vnt_buf_init(b);
}

const char *vnt_strerror(int code) {
  switch (code) {
    case VNT_OK: return "ok";
    case VNT_SAME: return "unchanged";
    case VNT_EUTF8: return "invalid UTF-8";
    case VNT_ENOMEM: return "out of memory";
    case VNT_EINVAL: return "invalid options";
    case VNT_ELIMIT: return "run of combining marks too long";
    case VNT_EOVERFLOW: return "a count would pass the largest 64-bit integer";
    default: return "unknown error";
  }
}
