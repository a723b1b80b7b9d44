#ifndef SPRINT_REPORT_CCRYPTO_SHIM_H
#define SPRINT_REPORT_CCRYPTO_SHIM_H
// The system's libcrypto (OpenSSL 3; Debian: libssl-dev), for SHA-256 only: the digest of
// each input file and the hash in page file names. EVP_* are plain functions, no wrappers.
#include <openssl/evp.h>
#endif
