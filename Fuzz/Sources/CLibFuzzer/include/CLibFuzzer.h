#ifndef CLIBFUZZER_H
#define CLIBFUZZER_H

#include <stddef.h>
#include <stdint.h>

/// libFuzzer's driver, for programs that have their own `main` (libFuzzer >= 11). SwiftPM
/// links every executable target with `main` aliased to `<Module>_main`, so the fuzz targets
/// define that symbol and hand over to libFuzzer here.
int LLVMFuzzerRunDriver(int *argc, char ***argv, int (*callback)(const uint8_t *data, size_t size));

#endif
