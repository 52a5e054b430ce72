// The `bdp` command line: serve | import | export | import-legacy | reindex | migrate-db |
// backup | restore | editor; `bdp --version` prints "bdp <version>" (CMake's project version).
#pragma once

namespace bdp::cli {

// Runs the command named by argv; returns the process exit code (0 success, 1 failure,
// 2 usage error). Errors are printed to stderr with what to do about them.
int run(int argc, char** argv);

}  // namespace bdp::cli
