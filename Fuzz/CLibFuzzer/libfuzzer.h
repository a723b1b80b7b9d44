// libFuzzer's driver (linked in by -sanitize=fuzzer). SwiftPM links an executable target with
// its own `main` alias (main=<Target>_main), so the fuzz targets define that function and
// hand over to libFuzzer here instead of using libFuzzer's `main`.
#include <stddef.h>
#include <stdint.h>

int LLVMFuzzerRunDriver(int *argc, char ***argv, int (*callback)(const uint8_t *data, size_t size));
