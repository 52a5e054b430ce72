// `bdp editor add | list | disable`: the accounts editors log in with at /redakcja/logowanie.
#include <fmt/format.h>
#include <termios.h>
#include <unistd.h>

#include <chrono>
#include <cstdlib>
#include <iostream>

#include "auth/password.h"
#include "cli/commands.h"
#include "cli/store_option.h"

namespace bdp::cli {
namespace {

// Turns terminal echo off for its lifetime (RAII), so that a typed password is not shown.
class EchoOff {
 public:
  EchoOff() : active_(tcgetattr(STDIN_FILENO, &saved_) == 0) {
    if (!active_) return;
    termios quiet = saved_;
    quiet.c_lflag &= ~static_cast<tcflag_t>(ECHO);
    tcsetattr(STDIN_FILENO, TCSAFLUSH, &quiet);
  }
  ~EchoOff() {
    if (active_) tcsetattr(STDIN_FILENO, TCSAFLUSH, &saved_);
  }
  EchoOff(const EchoOff&) = delete;
  EchoOff& operator=(const EchoOff&) = delete;

 private:
  termios saved_{};
  bool active_;
};

std::optional<std::string> prompt_hidden(const char* prompt) {
  fmt::print(stderr, "{}", prompt);
  std::string line;
  bool read = false;
  {
    EchoOff quiet;
    read = static_cast<bool>(std::getline(std::cin, line));
  }
  fmt::print(stderr, "\n");
  if (!read) return std::nullopt;
  return line;
}

// The new editor's password: typed twice without echo at a terminal; otherwise (scripts, CI)
// BDP_EDITOR_PASSWORD, or else one line of standard input.
std::optional<std::string> read_new_password() {
  if (isatty(STDIN_FILENO)) {
    auto first = prompt_hidden("Password (at least 12 characters): ");
    if (!first) return std::nullopt;
    auto second = prompt_hidden("Repeat the password: ");
    if (!second || *second != *first) {
      fmt::print(stderr, "bdp editor add: the passwords differ; nothing was added\n");
      return std::nullopt;
    }
    return first;
  }
  if (const char* env = std::getenv("BDP_EDITOR_PASSWORD"); env && *env) return std::string(env);
  std::string line;
  if (!std::getline(std::cin, line)) {
    fmt::print(stderr,
               "bdp editor add: no password: set BDP_EDITOR_PASSWORD or give it as a line of "
               "standard input\n");
    return std::nullopt;
  }
  if (!line.empty() && line.back() == '\r') line.pop_back();
  return line;
}

std::int64_t unix_now() {
  return std::chrono::duration_cast<std::chrono::seconds>(
             std::chrono::system_clock::now().time_since_epoch())
      .count();
}

int add_editor(const std::string& database, const std::string& email, const std::string& name) {
  auto password = read_new_password();
  if (!password) return 1;
  if (auto ok = auth::check_password_policy(*password); !ok) {
    fmt::print(stderr, "bdp editor add: {}; nothing was added\n", ok.error().message);
    return 1;
  }
  auto hash = auth::hash_password(*password);
  if (!hash) {
    fmt::print(stderr, "bdp editor add: {}\n", hash.error().message);
    return 1;
  }
  auto store = open_migrated_store(database);
  if (!store) return 1;
  Editor editor;
  editor.email = email;
  editor.display_name = name;
  editor.password_hash = *hash;
  editor.created_at = unix_now();
  auto id = store->add_editor(editor);
  if (!id) {
    fmt::print(stderr, "bdp editor add: {}\n", id.error().message);
    return 1;
  }
  fmt::print("added editor {} ({}); they log in at /redakcja/logowanie\n", name, email);
  return 0;
}

int list_editors(const std::string& database) {
  auto store = open_migrated_store(database);
  if (!store) return 1;
  auto editors = store->editors();
  if (!editors) {
    fmt::print(stderr, "bdp editor list: {}\n", editors.error().message);
    return 1;
  }
  for (const auto& e : *editors) {
    fmt::print("{}\t{}\t{}\n", e.email, e.display_name, e.disabled ? "disabled" : "active");
  }
  return 0;
}

int disable_editor(const std::string& database, const std::string& email) {
  auto store = open_migrated_store(database);
  if (!store) return 1;
  if (auto done = store->set_editor_disabled(email, true); !done) {
    fmt::print(stderr, "bdp editor disable: {}\n", done.error().message);
    return 1;
  }
  fmt::print("disabled editor {}; their sessions have ended\n", email);
  return 0;
}

}  // namespace

Command add_editor(CLI::App& app) {
  struct Options {
    std::string database, email, name;
  };
  auto o = std::make_shared<Options>();
  auto* cmd = app.add_subcommand("editor", "Manage the editors who log in at /redakcja");
  cmd->require_subcommand(1);
  auto* add = cmd->add_subcommand(
      "add",
      "Add an editor; the password is asked for without echo (or read from "
      "BDP_EDITOR_PASSWORD / one line of standard input when not at a terminal)");
  add_database_option(*add, o->database);
  add->add_option("--email", o->email, "The editor's e-mail (their login)")->required();
  add->add_option("--name", o->name, "The name shown when they are logged in")->required();
  auto* list = cmd->add_subcommand("list", "List editors: e-mail, name, active/disabled");
  add_database_option(*list, o->database);
  auto* disable = cmd->add_subcommand("disable", "Disable an editor and end their sessions");
  add_database_option(*disable, o->database);
  disable->add_option("--email", o->email, "The editor's e-mail")->required();
  return [o, add, list] {
    if (add->parsed()) return add_editor(o->database, o->email, o->name);
    if (list->parsed()) return list_editors(o->database);
    return disable_editor(o->database, o->email);
  };
}

}  // namespace bdp::cli
