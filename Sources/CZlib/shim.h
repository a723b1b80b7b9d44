#ifndef SPRINT_REPORT_CZLIB_SHIM_H
#define SPRINT_REPORT_CZLIB_SHIM_H
#include <zlib.h>

// inflateInit2 and deflateInit2 are C macros (they pass the library version and the
// stream size): Swift cannot call a macro, so these wrappers do.
static inline int czlib_inflateInit2(z_streamp stream, int windowBits) {
    return inflateInit2(stream, windowBits);
}

static inline int czlib_deflateInit2(z_streamp stream, int level, int windowBits) {
    return deflateInit2(stream, level, Z_DEFLATED, windowBits, 8, Z_DEFAULT_STRATEGY);
}
#endif
