#include "cli/cli.h"

int main(int argc, char** argv) {
  return bdp::cli::run(argc, argv);
}
