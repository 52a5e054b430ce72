// extract_text in a child process with CPU, memory and wall-clock limits, so that a hostile
// document can crash or exhaust only that child. The child is any program that answers
// `<command...> KIND PATH` by writing a framed Extraction (extraction_frame.h) to stdout:
// `bdp extract-text KIND PATH`, which calls run_extractor_child.
#pragma once

#include <cstdint>
#include <filesystem>
#include <string>
#include <vector>

#include "extract/sniff.h"
#include "extract/text.h"

namespace bdp::extract {

struct Sandbox {
  // The program (an absolute path, not searched in PATH) and its leading arguments, e.g.
  // {"/proc/self/exe", "extract-text"}; KIND and PATH are appended.
  std::vector<std::string> command;
  int cpu_seconds = 20;                     // RLIMIT_CPU of the child
  std::uint64_t memory_bytes = 1ull << 30;  // RLIMIT_AS of the child
  int wall_seconds = 30;  // the child is killed (SIGKILL, its process group) after
};

// Runs the child on `path` and returns what it wrote. The child has stdin and stderr on
// /dev/null, no other inherited descriptor, no core dump, no file writes (RLIMIT_FSIZE 0).
// Status timed_out: killed at the wall-clock limit or by the CPU limit; too_large: out of
// memory (the child exits 3, or is killed before its CPU limit) or more than 96 MiB of output;
// failed: crashed, exited otherwise, or wrote a malformed frame, or could not be started.
// Never throws; returns within about wall_seconds. Thread-safe.
Extraction extract_isolated(const std::filesystem::path& path, FileKind kind,
                            const Sandbox& sandbox);

// The child's main: args are {KIND, PATH} (KIND as extension() names it). Writes the framed
// Extraction of extract_text(PATH, KIND, UploadLimits{}) to stdout and returns 0; returns 2 on
// wrong arguments (message on stderr) and 3 when memory ran out.
int run_extractor_child(const std::vector<std::string>& args);

}  // namespace bdp::extract
