// `bdp extract-text KIND PATH`: the child process of extract::extract_isolated; writes the
// framed text of one document to stdout. Hidden from --help: people do not run it.
#include "cli/commands.h"
#include "extract/isolated.h"

namespace bdp::cli {

Command add_extract_text(CLI::App& app) {
  auto args = std::make_shared<std::vector<std::string>>();
  auto* cmd = app.add_subcommand("extract-text", "Extract a document's text (child process)");
  cmd->group("");  // hidden
  cmd->add_option("args", *args, "KIND PATH")->expected(2)->required();
  return [args] { return extract::run_extractor_child(*args); };
}

}  // namespace bdp::cli
