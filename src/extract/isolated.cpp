#include "extract/isolated.h"

#include <fcntl.h>
#include <poll.h>
#include <signal.h>
#include <sys/resource.h>
#include <sys/wait.h>
#include <unistd.h>

#include <cerrno>
#include <chrono>
#include <cstdio>
#include <new>

#include "extract/extraction_frame.h"

namespace bdp::extract {
namespace {

using Clock = std::chrono::steady_clock;

// 64 MiB of text (UploadLimits::max_text_bytes), a thumbnail, and the frame's page headers.
constexpr std::size_t kMaxFrameBytes = 96u << 20;
constexpr int kOutOfMemoryExit = 3;

Extraction with_status(TextStatus status) {
  return Extraction{status, {}, {}};
}

// A file descriptor closed on scope exit.
class Fd {
 public:
  explicit Fd(int fd = -1) : fd_(fd) {}
  Fd(const Fd&) = delete;
  Fd& operator=(const Fd&) = delete;
  ~Fd() { reset(); }
  int get() const { return fd_; }
  void reset() {
    if (fd_ >= 0) ::close(fd_);
    fd_ = -1;
  }

 private:
  int fd_;
};

void set_limit(int resource, rlim_t soft, rlim_t hard) {
  const rlimit limit{soft, hard};
  ::setrlimit(resource, &limit);
}

// Between fork and exec only async-signal-safe calls: everything is prepared before the fork.
[[noreturn]] void exec_child(char* const* argv, int out, int dev_null, const Sandbox& s) {
  ::setpgid(0, 0);
  ::dup2(dev_null, STDIN_FILENO);
  ::dup2(out, STDOUT_FILENO);
  ::dup2(dev_null, STDERR_FILENO);
  ::close_range(3, ~0u, 0);
  const auto cpu = static_cast<rlim_t>(s.cpu_seconds);
  set_limit(RLIMIT_CPU, cpu, cpu + 1);  // SIGXCPU at the soft limit, SIGKILL a second later
  set_limit(RLIMIT_AS, s.memory_bytes, s.memory_bytes);
  set_limit(RLIMIT_CORE, 0, 0);
  set_limit(RLIMIT_FSIZE, 0, 0);  // no file writes; stdout is a pipe, which this leaves alone
  ::execv(argv[0], argv);
  ::_exit(127);
}

struct ChildOutput {
  std::string bytes;
  bool timed_out = false;
  bool too_large = false;
};

// Reads the child's stdout until it closes, the deadline passes or the cap is reached.
ChildOutput read_output(int fd, Clock::time_point deadline) {
  ChildOutput out;
  char buffer[65536];
  for (;;) {
    const auto left =
        std::chrono::duration_cast<std::chrono::milliseconds>(deadline - Clock::now());
    if (left.count() <= 0) {
      out.timed_out = true;
      return out;
    }
    pollfd p{fd, POLLIN, 0};
    const int ready = ::poll(&p, 1, static_cast<int>(left.count()));
    if (ready < 0 && errno == EINTR) continue;
    if (ready <= 0) continue;  // the deadline check above decides
    const ssize_t got = ::read(fd, buffer, sizeof buffer);
    if (got < 0 && errno == EINTR) continue;
    if (got <= 0) return out;
    if (out.bytes.size() + static_cast<std::size_t>(got) > kMaxFrameBytes) {
      out.too_large = true;
      return out;
    }
    out.bytes.append(buffer, static_cast<std::size_t>(got));
  }
}

struct Exit {
  int status = 0;
  rusage usage{};
  bool killed_by_us = false;
};

// Waits for the child until the deadline, then kills its process group and reaps it.
Exit reap(pid_t pid, Clock::time_point deadline, bool kill_now) {
  Exit exit;
  while (!kill_now) {
    const pid_t done = ::wait4(pid, &exit.status, WNOHANG, &exit.usage);
    if (done == pid) return exit;
    if (done < 0 && errno != EINTR) return exit;
    if (Clock::now() >= deadline) break;
    ::usleep(10000);
  }
  exit.killed_by_us = true;
  ::kill(-pid, SIGKILL);
  ::kill(pid, SIGKILL);
  while (::wait4(pid, &exit.status, 0, &exit.usage) < 0 && errno == EINTR) {
  }
  return exit;
}

Extraction judge(const Exit& exit, const ChildOutput& output, const Sandbox& sandbox) {
  if (output.too_large) return with_status(TextStatus::too_large);
  if (output.timed_out || exit.killed_by_us) return with_status(TextStatus::timed_out);
  if (WIFSIGNALED(exit.status)) {
    const int signal = WTERMSIG(exit.status);
    if (signal == SIGXCPU) return with_status(TextStatus::timed_out);
    if (signal == SIGKILL) {
      // The CPU hard limit, or the kernel's OOM killer.
      const long cpu = exit.usage.ru_utime.tv_sec + exit.usage.ru_stime.tv_sec;
      return with_status(cpu >= sandbox.cpu_seconds ? TextStatus::timed_out
                                                    : TextStatus::too_large);
    }
    return with_status(TextStatus::failed);
  }
  if (WIFEXITED(exit.status) && WEXITSTATUS(exit.status) == kOutOfMemoryExit) {
    return with_status(TextStatus::too_large);
  }
  if (!WIFEXITED(exit.status) || WEXITSTATUS(exit.status) != 0) {
    return with_status(TextStatus::failed);
  }
  auto decoded = decode_extraction(output.bytes);
  return decoded ? std::move(*decoded) : with_status(TextStatus::failed);
}

}  // namespace

Extraction extract_isolated(const std::filesystem::path& path, FileKind kind,
                            const Sandbox& sandbox) {
  if (sandbox.command.empty()) return with_status(TextStatus::failed);
  std::vector<std::string> args = sandbox.command;
  args.emplace_back(extension(kind));
  args.push_back(path.string());
  std::vector<char*> argv;
  argv.reserve(args.size() + 1);
  for (auto& a : args) argv.push_back(a.data());
  argv.push_back(nullptr);

  int pipe_fds[2];
  if (::pipe2(pipe_fds, O_CLOEXEC) != 0) return with_status(TextStatus::failed);
  Fd read_end(pipe_fds[0]), write_end(pipe_fds[1]);
  Fd dev_null(::open("/dev/null", O_RDWR | O_CLOEXEC));
  if (dev_null.get() < 0) return with_status(TextStatus::failed);

  const auto deadline = Clock::now() + std::chrono::seconds(sandbox.wall_seconds);
  const pid_t pid = ::fork();
  if (pid < 0) return with_status(TextStatus::failed);
  if (pid == 0) exec_child(argv.data(), write_end.get(), dev_null.get(), sandbox);
  ::setpgid(pid, pid);  // also here: the group must exist before a kill(-pid) can come
  write_end.reset();
  const ChildOutput output = read_output(read_end.get(), deadline);
  read_end.reset();
  const Exit exit = reap(pid, deadline, output.timed_out || output.too_large);
  return judge(exit, output, sandbox);
}

int run_extractor_child(const std::vector<std::string>& args) {
  const auto kind = args.size() == 2 ? file_kind_from_extension(args[0]) : std::nullopt;
  if (!kind) {
    std::fprintf(stderr, "usage: extract-text pdf|docx|odt|xlsx|ods|png|jpeg PATH\n");
    return 2;
  }
  try {
    const std::string frame = encode_extraction(extract_text(args[1], *kind, UploadLimits{}));
    std::string_view left = frame;
    while (!left.empty()) {
      const ssize_t written = ::write(STDOUT_FILENO, left.data(), left.size());
      if (written < 0 && errno == EINTR) continue;
      if (written <= 0) return 1;
      left.remove_prefix(static_cast<std::size_t>(written));
    }
    return 0;
  } catch (const std::bad_alloc&) {
    return kOutOfMemoryExit;
  }
}

}  // namespace bdp::extract
