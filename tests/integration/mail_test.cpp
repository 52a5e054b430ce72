// E-mail end to end: mails queued in the database are sent by `bdp send-mail --once` (two at
// once on one database) and by `bdp serve` to a real SMTP server on loopback (aiosmtpd,
// tests/integration/smtp_sink.py), each exactly once, with the Polish subject and body intact;
// a closed port leads to retries and a dead letter, a 550 to a dead letter at once.
#include <gtest/gtest.h>

#include <map>
#include <nlohmann/json.hpp>
#include <set>

#include "bdp_process.h"
#include "store/store.h"

namespace bdp::testing {
namespace {

// Debian's interpreter, where python3-aiosmtpd is installed (another python3 may be first on
// the PATH).
constexpr const char* kPython = "/usr/bin/python3";

// The SMTP server of smtp_sink.py, stopped in the destructor.
class SmtpSink {
 public:
  explicit SmtpSink(const std::filesystem::path& dir) : dir_(dir / "inbox"), port_(free_port()) {
    std::filesystem::create_directories(dir_);
    pid_ = fork();
    if (pid_ == 0) {
      const std::string script = std::string(BDP_SOURCE_DIR) + "/tests/integration/smtp_sink.py";
      const std::string port = std::to_string(port_);
      execl(kPython, kPython, script.c_str(), dir_.c_str(), port.c_str(), nullptr);
      _exit(127);
    }
    for (int i = 0; i < 200 && !std::filesystem::exists(dir_ / "ready"); ++i) {
      std::this_thread::sleep_for(std::chrono::milliseconds(50));
    }
    EXPECT_TRUE(std::filesystem::exists(dir_ / "ready")) << "the SMTP sink did not start";
  }
  ~SmtpSink() {
    kill(pid_, SIGTERM);
    waitpid(pid_, nullptr, 0);
  }
  std::uint16_t port() const { return port_; }
  // Every message received so far.
  std::vector<nlohmann::json> received() const {
    std::vector<nlohmann::json> out;
    for (const auto& entry : std::filesystem::directory_iterator(dir_)) {
      if (entry.path().extension() == ".json") {
        out.push_back(nlohmann::json::parse(read_file(entry.path())));
      }
    }
    return out;
  }

 private:
  std::filesystem::path dir_;
  std::uint16_t port_;
  pid_t pid_ = 0;
};

// config/bdp.json with a "mail" object sending to 127.0.0.1:port; returns its path.
std::string mail_config(const std::filesystem::path& dir, std::uint16_t port,
                        const nlohmann::json& extra = nlohmann::json::object()) {
  auto config = nlohmann::json::parse(read_file(std::string(BDP_SOURCE_DIR) + "/config/bdp.json"));
  config["mail"] = {{"smtp_url", "smtp://127.0.0.1:" + std::to_string(port)},
                    {"from", "bdp@zmp.poznan.pl"},
                    {"from_name", "Baza Dobrych Praktyk — ZMP"},
                    {"timeout_seconds", 10},
                    {"poll_seconds", 1},
                    {"batch", 3}};
  config["mail"].update(extra);
  const auto path = dir / ("mail-" + std::to_string(port) + ".json");
  std::ofstream(path) << config.dump();
  return path.string();
}

std::string subject_of(int n) {
  return "Zgłoszenie nr " + std::to_string(n) + " przyjęte — Śrem";
}
std::string body_of(int n) {
  // A line of a lone dot (SMTP's end of data unless the transport stuffs it) and a long line.
  return "Dzień dobry,\n.\npraktyka nr " + std::to_string(n) + " czeka na ocenę.\n" +
         std::string(120, 'z') + "\nŻółć\n";
}

class Mail : public ::testing::TestWithParam<std::string> {
 protected:
  Mail() : db_(GetParam()) {
    auto opened = open_store(db_.url());
    if (!opened) throw std::runtime_error(opened.error().message);
    store_ = std::move(*opened);
    if (auto migrated = store_->migrate(); !migrated) {
      throw std::runtime_error(migrated.error().message);
    }
  }
  std::int64_t enqueue(const std::string& to, int n) {
    OutgoingMail m;
    m.to = to;
    m.subject = subject_of(n);
    m.body = body_of(n);
    m.kind = "submission_received";
    m.created_at = std::chrono::duration_cast<std::chrono::seconds>(
                       std::chrono::system_clock::now().time_since_epoch())
                       .count();
    auto id = store_->enqueue_mail(m);
    EXPECT_TRUE(id) << id.error().message;
    return id.value_or(0);
  }
  // `bdp send-mail --once` with its output in its own file; {exit code, output}.
  std::pair<int, std::string> send_once(const std::string& config, const std::string& name) {
    const auto out = db_.dir() / (name + ".out");
    const std::string command = std::string(BDP_BINARY) + " send-mail --once --database '" +
                                db_.url() + "' --config '" + config + "' > '" + out.string() +
                                "' 2>&1";
    const int status = std::system(command.c_str());
    return {WIFEXITED(status) ? WEXITSTATUS(status) : -1, read_file(out)};
  }
  OutgoingMail stored(std::int64_t id) {
    auto listed = store_->outbox(std::nullopt, 1000);
    EXPECT_TRUE(listed) << listed.error().message;
    for (const auto& m : listed.value_or(std::vector<OutgoingMail>{})) {
      if (m.id == id) return m;
    }
    ADD_FAILURE() << "no mail " << id;
    return {};
  }

  TestDatabase db_;
  std::unique_ptr<Store> store_;
};
INSTANTIATE_TEST_SUITE_P(Engines, Mail, ::testing::ValuesIn(test_engines()));

TEST_P(Mail, TwoSendersAtOnceDeliverEachMailExactlyOnce) {
  SmtpSink sink(db_.dir());
  constexpr int kMails = 24;
  for (int n = 0; n < kMails; ++n) enqueue("urzad" + std::to_string(n) + "@gmina.pl", n);
  const auto config = mail_config(db_.dir(), sink.port());
  std::pair<int, std::string> first, second;
  std::thread a([&] { first = send_once(config, "first"); });
  std::thread b([&] { second = send_once(config, "second"); });
  a.join();
  b.join();
  EXPECT_EQ(first.first, 0) << first.second;
  EXPECT_EQ(second.first, 0) << second.second;
  const auto sent_by = [](const std::string& out) {
    const auto at = out.rfind("\nsent ");
    return at == std::string::npos ? -1 : std::stoi(out.substr(at + 6));
  };
  EXPECT_EQ(sent_by("\n" + first.second) + sent_by("\n" + second.second), kMails)
      << first.second << second.second;

  const auto received = sink.received();
  ASSERT_EQ(received.size(), static_cast<std::size_t>(kMails));
  std::set<std::string> recipients;
  for (const auto& message : received) {
    ASSERT_EQ(message["rcpt_tos"].size(), 1u);
    const std::string to = message["rcpt_tos"][0];
    recipients.insert(to);
    const int n = std::stoi(to.substr(5, to.find('@') - 5));
    SCOPED_TRACE(to);
    EXPECT_EQ(message["mail_from"], "bdp@zmp.poznan.pl");
    EXPECT_EQ(message["to"], to);
    EXPECT_EQ(message["from"], "Baza Dobrych Praktyk — ZMP <bdp@zmp.poznan.pl>");
    EXPECT_EQ(message["subject"], subject_of(n));
    EXPECT_EQ(message["body"], body_of(n));
    EXPECT_EQ(message["content_type"], "text/plain");
    EXPECT_EQ(message["charset"], "utf-8");
    EXPECT_TRUE(std::string(message["message_id"]).ends_with("@zmp.poznan.pl>"));
  }
  EXPECT_EQ(recipients.size(), static_cast<std::size_t>(kMails));  // none twice
  EXPECT_EQ(store_->outbox(MailState::sent, 1000)->size(), static_cast<std::size_t>(kMails));
  // Nothing is due any more: a third run sends nothing.
  const auto [code, out] = send_once(config, "third");
  EXPECT_EQ(code, 0);
  EXPECT_EQ(out, "sent 0, failed and queued again 0, dead 0\n");
  EXPECT_EQ(sink.received().size(), static_cast<std::size_t>(kMails));
}

TEST_P(Mail, AClosedPortIsRetriedUntilTheMailIsDead) {
  const auto config =
      mail_config(db_.dir(), free_port(), {{"max_attempts", 2}, {"retry_seconds", 1}});
  const auto id = enqueue("urzad@gmina.pl", 1);
  auto [code, out] = send_once(config, "first");
  EXPECT_EQ(code, 0);
  EXPECT_NE(out.find("sent 0, failed and queued again 1, dead 0"), std::string::npos) << out;
  const auto queued = stored(id);
  EXPECT_EQ(queued.state, MailState::queued);
  EXPECT_EQ(queued.attempts, 1);
  EXPECT_NE(queued.last_error.find("smtp: "), std::string::npos) << queued.last_error;
  EXPECT_NE(out.find("mail " + std::to_string(id) + " (submission_received) attempt 1 failed"),
            std::string::npos)
      << out;
  EXPECT_EQ(out.find("Zgłoszenie"), std::string::npos) << "the log names no subject or body";

  std::this_thread::sleep_for(std::chrono::milliseconds(2100));  // the retry delay: 1 s
  std::tie(code, out) = send_once(config, "second");
  EXPECT_EQ(code, 0);
  EXPECT_NE(out.find("sent 0, failed and queued again 0, dead 1"), std::string::npos) << out;
  const auto dead = stored(id);
  EXPECT_EQ(dead.state, MailState::dead);
  EXPECT_EQ(dead.attempts, 2);
  EXPECT_FALSE(dead.sent_at);
}

TEST_P(Mail, ARecipientTheServerRefusesIsDeadAtOnce) {
  SmtpSink sink(db_.dir());
  const auto refused = enqueue("nobody@gmina.pl", 1);
  const auto accepted = enqueue("urzad@gmina.pl", 2);
  const auto [code, out] = send_once(mail_config(db_.dir(), sink.port()), "once");
  EXPECT_EQ(code, 0);
  EXPECT_NE(out.find("sent 1, failed and queued again 0, dead 1"), std::string::npos) << out;
  EXPECT_EQ(stored(refused).state, MailState::dead);
  EXPECT_EQ(stored(refused).attempts, 1);
  EXPECT_NE(stored(refused).last_error.find("550"), std::string::npos)
      << stored(refused).last_error;
  EXPECT_EQ(stored(accepted).state, MailState::sent);
  EXPECT_EQ(sink.received().size(), 1u);
}

TEST_P(Mail, ServeSendsQueuedMailInTheBackground) {
  SmtpSink sink(db_.dir());
  BdpServer server(db_, {"--config", mail_config(db_.dir(), sink.port()), "--no-demo"});
  const auto id = enqueue("urzad@gmina.pl", 7);
  for (int i = 0; i < 100 && sink.received().empty(); ++i) {
    std::this_thread::sleep_for(std::chrono::milliseconds(100));
  }
  const auto received = sink.received();
  ASSERT_EQ(received.size(), 1u) << server.log();
  EXPECT_EQ(received[0]["subject"], subject_of(7));
  for (int i = 0; i < 50 && stored(id).state != MailState::sent; ++i) {
    std::this_thread::sleep_for(std::chrono::milliseconds(50));
  }
  EXPECT_EQ(stored(id).state, MailState::sent);
  EXPECT_EQ(server.get("/healthz")->status, 200);
  EXPECT_EQ(server.stop(), 0);
}

TEST(MailCommand, RefusesToRunWithoutAnSmtpServer) {
  TestDatabase scratch("sqlite");
  const auto [code, out] = run_bdp({"send-mail", "--once", "--database", scratch.url(), "--config",
                                    std::string(BDP_SOURCE_DIR) + "/config/bdp.json"},
                                   scratch.dir());
  EXPECT_EQ(code, 1);
  EXPECT_NE(out.find("no SMTP server configured"), std::string::npos) << out;
}

}  // namespace
}  // namespace bdp::testing
