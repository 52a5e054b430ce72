// `bdp editor add | list | role | passwd | disable`: the accounts of the back office (/redakcja).
#include <fmt/format.h>
#include <termios.h>
#include <unistd.h>

#include <chrono>
#include <cstdlib>
#include <iostream>
#include <map>

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

// The new password: typed twice without echo at a terminal; otherwise (scripts, CI)
// BDP_EDITOR_PASSWORD, or else one line of standard input.
std::optional<std::string> read_new_password(const char* command) {
  if (isatty(STDIN_FILENO)) {
    auto first = prompt_hidden("Password (at least 12 characters): ");
    if (!first) return std::nullopt;
    auto second = prompt_hidden("Repeat the password: ");
    if (!second || *second != *first) {
      fmt::print(stderr, "{}: the passwords differ; nothing was changed\n", command);
      return std::nullopt;
    }
    return first;
  }
  if (const char* env = std::getenv("BDP_EDITOR_PASSWORD"); env && *env) return std::string(env);
  std::string line;
  if (!std::getline(std::cin, line)) {
    fmt::print(stderr,
               "{}: no password: set BDP_EDITOR_PASSWORD or give it as a line of standard "
               "input\n",
               command);
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

// The Argon2id hash of a new password read as read_new_password does, under the policy; nullopt
// (with the reason printed) when there is none.
std::optional<std::string> new_password_hash(const char* command) {
  auto password = read_new_password(command);
  if (!password) return std::nullopt;
  if (auto ok = auth::check_password_policy(*password); !ok) {
    fmt::print(stderr, "{}: {}; nothing was changed\n", command, ok.error().message);
    return std::nullopt;
  }
  auto hash = auth::hash_password(*password);
  if (!hash) {
    fmt::print(stderr, "{}: {}\n", command, hash.error().message);
    return std::nullopt;
  }
  return *hash;
}

AuditEntry cli_audit(std::string action, std::string entity, std::string detail) {
  return AuditEntry{
      0, unix_now(), std::nullopt, "cli", std::move(action), std::move(entity), std::move(detail)};
}

int add_editor(const std::string& database, const std::string& email, const std::string& name,
               Role role) {
  auto hash = new_password_hash("bdp editor add");
  if (!hash) return 1;
  auto store = open_migrated_store(database);
  if (!store) return 1;
  Editor editor;
  editor.email = email;
  editor.display_name = name;
  editor.password_hash = *hash;
  editor.created_at = unix_now();
  editor.role = role;
  auto id = store->add_editor(editor);
  if (!id) {
    fmt::print(stderr, "bdp editor add: {}\n", id.error().message);
    return 1;
  }
  if (auto logged = store->append_audit(
          cli_audit("account:add", "editor:" + std::to_string(*id), to_string(role)));
      !logged) {
    fmt::print(stderr, "bdp editor add: {}\n", logged.error().message);
    return 1;
  }
  fmt::print("added {} {} ({}); they log in at /redakcja/logowanie\n", to_string(role), name,
             email);
  return 0;
}

int set_role(const std::string& database, const std::string& email, Role role) {
  auto store = open_migrated_store(database);
  if (!store) return 1;
  auto editor = store->editor_by_email(email);
  if (!editor) {
    fmt::print(stderr, "bdp editor role: {}\n", editor.error().message);
    return 1;
  }
  if (auto done = store->set_editor_role(
          email, role, cli_audit("role", "editor:" + std::to_string(editor->id), to_string(role)));
      !done) {
    fmt::print(stderr, "bdp editor role: {}\n", done.error().message);
    return 1;
  }
  fmt::print("{} is now {}\n", editor->email, to_string(role));
  return 0;
}

int change_password(const std::string& database, const std::string& email) {
  auto store = open_migrated_store(database);
  if (!store) return 1;
  auto editor = store->editor_by_email(email);
  if (!editor) {
    fmt::print(stderr, "bdp editor passwd: {}\n", editor.error().message);
    return 1;
  }
  auto hash = new_password_hash("bdp editor passwd");
  if (!hash) return 1;
  if (auto done = store->set_editor_password(
          editor->id, *hash, "", cli_audit("password", "editor:" + std::to_string(editor->id), ""));
      !done) {
    fmt::print(stderr, "bdp editor passwd: {}\n", done.error().message);
    return 1;
  }
  fmt::print("changed the password of {}; their sessions have ended\n", editor->email);
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
    fmt::print("{}\t{}\t{}\t{}\n", e.email, e.display_name, to_string(e.role),
               e.disabled ? "disabled" : "active");
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
    Role role = Role::editor;
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
  const std::map<std::string, Role> roles = {{"administrator", Role::administrator},
                                             {"editor", Role::editor},
                                             {"reviewer", Role::reviewer},
                                             {"submitter", Role::submitter}};
  add->add_option("--role", o->role, "administrator, editor (the default), reviewer, submitter")
      ->transform(CLI::CheckedTransformer(roles, CLI::ignore_case));
  auto* list = cmd->add_subcommand("list", "List accounts: e-mail, name, role, active/disabled");
  add_database_option(*list, o->database);
  auto* disable = cmd->add_subcommand("disable", "Disable an editor and end their sessions");
  add_database_option(*disable, o->database);
  disable->add_option("--email", o->email, "The editor's e-mail")->required();
  auto* role = cmd->add_subcommand("role", "Give an account another role (audited)");
  add_database_option(*role, o->database);
  role->add_option("--email", o->email, "The account's e-mail")->required();
  role->add_option("--role", o->role, "administrator, editor, reviewer, submitter")
      ->required()
      ->transform(CLI::CheckedTransformer(roles, CLI::ignore_case));
  auto* passwd = cmd->add_subcommand(
      "passwd", "Set an account's password (asked as for add) and end its sessions (audited)");
  add_database_option(*passwd, o->database);
  passwd->add_option("--email", o->email, "The account's e-mail")->required();
  return [o, add, list, role, passwd] {
    if (add->parsed()) return add_editor(o->database, o->email, o->name, o->role);
    if (list->parsed()) return list_editors(o->database);
    if (role->parsed()) return set_role(o->database, o->email, o->role);
    if (passwd->parsed()) return change_password(o->database, o->email);
    return disable_editor(o->database, o->email);
  };
}

}  // namespace bdp::cli
