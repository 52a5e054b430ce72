// A minimal bdp::http::Server that answers every request with one file's bytes from memory:
// the bdp side of bench/http_vs_nginx.sh.
// Usage: bench_http_static_server --file PATH [--port N] [--threads N]
//                                 [--content-type T] [--access-log]
// Prints "port <N>" on stdout once listening; stops on SIGINT or SIGTERM.
#include <signal.h>

#include <cstdio>
#include <cstdlib>
#include <fstream>
#include <iostream>
#include <sstream>
#include <string>
#include <string_view>

#include "http/server.h"

namespace {

struct Args {
  std::string file;
  std::string content_type = "text/html; charset=utf-8";
  bdp::http::ServerOptions options;
};

bool parse_args(int argc, char** argv, Args& args) {
  args.options.access_log = false;
  for (int i = 1; i < argc; ++i) {
    const std::string_view arg = argv[i];
    const bool has_value = i + 1 < argc;
    if (arg == "--access-log") {
      args.options.access_log = true;
    } else if (arg == "--file" && has_value) {
      args.file = argv[++i];
    } else if (arg == "--port" && has_value) {
      args.options.port = static_cast<std::uint16_t>(std::atoi(argv[++i]));
    } else if (arg == "--threads" && has_value) {
      args.options.threads = std::atoi(argv[++i]);
    } else if (arg == "--content-type" && has_value) {
      args.content_type = argv[++i];
    } else {
      return false;
    }
  }
  return !args.file.empty();
}

}  // namespace

int main(int argc, char** argv) {
  Args args;
  if (!parse_args(argc, argv, args)) {
    std::cerr << "usage: " << argv[0]
              << " --file PATH [--port N] [--threads N] [--content-type T] [--access-log]\n";
    return 2;
  }
  std::ifstream in(args.file, std::ios::binary);
  if (!in) {
    std::cerr << "cannot read " << args.file << "\n";
    return 1;
  }
  std::ostringstream bytes;
  bytes << in.rdbuf();
  const std::string body = bytes.str();

  // Block the stop signals before the server threads exist, so only sigwait() below sees them.
  sigset_t stop_signals;
  sigemptyset(&stop_signals);
  sigaddset(&stop_signals, SIGINT);
  sigaddset(&stop_signals, SIGTERM);
  pthread_sigmask(SIG_BLOCK, &stop_signals, nullptr);

  auto server = bdp::http::Server::start(args.options, [&](const bdp::http::Request&) {
    return bdp::http::text_response(200, body, args.content_type);
  });
  if (!server) {
    std::cerr << server.error().message << "\n";
    return 1;
  }
  std::cout << "port " << (*server)->port() << std::endl;
  int signal_number = 0;
  sigwait(&stop_signals, &signal_number);
  (*server)->stop();
  return 0;
}
