#include "store/postgres/backup.h"

#include <fcntl.h>
#include <spawn.h>
#include <sys/wait.h>
#include <unistd.h>

#include <array>
#include <cerrno>
#include <vector>

extern char** environ;

namespace bdp {
namespace {

// Runs `argv` (no shell: arguments are never interpreted); its stderr becomes the message.
// Errors: unavailable when the program cannot be started or exits non-zero.
Status run_tool(std::vector<std::string> argv) {
  int pipe_fds[2];
  if (pipe2(pipe_fds, O_CLOEXEC) != 0) return fail(ErrorKind::unavailable, "cannot create a pipe");
  posix_spawn_file_actions_t actions;
  posix_spawn_file_actions_init(&actions);
  posix_spawn_file_actions_adddup2(&actions, pipe_fds[1], STDERR_FILENO);
  posix_spawn_file_actions_addopen(&actions, STDIN_FILENO, "/dev/null", O_RDONLY, 0);
  std::vector<char*> args;
  args.reserve(argv.size() + 1);
  for (auto& arg : argv) args.push_back(arg.data());
  args.push_back(nullptr);
  pid_t pid = 0;
  int spawned = posix_spawnp(&pid, args[0], &actions, nullptr, args.data(), environ);
  posix_spawn_file_actions_destroy(&actions);
  close(pipe_fds[1]);
  std::string errors;
  if (spawned == 0) {
    std::array<char, 4096> buffer;
    for (ssize_t n; (n = read(pipe_fds[0], buffer.data(), buffer.size())) > 0;) {
      errors.append(buffer.data(), static_cast<std::size_t>(n));
    }
  }
  close(pipe_fds[0]);
  if (spawned != 0) {
    return fail(ErrorKind::unavailable,
                argv[0] + " cannot be started (install the postgresql-client package)");
  }
  int status = 0;
  while (waitpid(pid, &status, 0) < 0 && errno == EINTR) {
  }
  if (WIFEXITED(status) && WEXITSTATUS(status) == 0) return {};
  while (!errors.empty() && errors.back() == '\n') errors.pop_back();
  return fail(ErrorKind::unavailable, argv[0] + " failed: " + errors);
}

}  // namespace

Status backup_postgres(const std::string& url, const std::string& path) {
  return run_tool({"pg_dump", "--format=custom", "--no-owner", "--no-privileges", "--file=" + path,
                   "--dbname=" + url});
}

Status restore_postgres(const std::string& url, const std::string& path) {
  // Check the file first: pg_restore's own message for a wrong file is easy to misread.
  auto listed = run_tool({"pg_restore", "--list", "--file=/dev/null", path});
  if (!listed) {
    return fail(ErrorKind::invalid_input,
                "not a pg_dump backup: " + path + " (" + listed.error().message + ")");
  }
  return run_tool({"pg_restore", "--clean", "--if-exists", "--no-owner", "--no-privileges",
                   "--single-transaction", "--exit-on-error", "--dbname=" + url, path});
}

}  // namespace bdp
