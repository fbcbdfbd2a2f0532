/* vnt_internal.h -- what the core's files share and the public header hides. */
#ifndef VNT_INTERNAL_H
#define VNT_INTERNAL_H

#include "vnt.h"

/* A growable array of code points that starts on the stack (LPeg's habit:
 * most segments are a few code points long and never touch malloc). */
typedef struct vnt_cps {
  int32_t *cp;
  size_t n, cap;
  int32_t stack[64];
} vnt_cps;

void vnt__cps_init(vnt_cps *c);
void vnt__cps_free(vnt_cps *c);
int vnt__cps_reserve(vnt_cps *c, size_t extra);
int vnt__cps_decompose(vnt_cps *c, int32_t cp, int compat);
int vnt__cps_order(vnt_cps *c);
void vnt__cps_compose(vnt_cps *c);
int vnt__cps_encode(const vnt_cps *c, vnt_buf *out);

/* The form pass: validate (or repair) and bring s into form f.
 * VNT_SAME: unchanged, nothing appended; VNT_OK: result appended. */
int vnt__form_pass(const char *s, size_t len, vnt_form f, int repair,
                   vnt_buf *out, vnt_status *st);

/* viet.c: tones, case, diacritics, spaces, punctuation on valid UTF-8. */
int vnt__needs_transform(const vnt_norm_opts *o);
int vnt__transform(const char *s, size_t len, const vnt_norm_opts *o, vnt_buf *out);

#endif
