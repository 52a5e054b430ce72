// A test fixture for page views: the project's templates loaded once per test, the views over
// them, and a view context over a section tree and the site configuration.
#pragma once

#include <gtest/gtest.h>

#include <memory>
#include <string>
#include <vector>

#include "web/views/views.h"

namespace bdp::web::testing {

class ViewsFixture : public ::testing::Test {
 protected:
  // Loads assets/templates and points ctx at `config` and a tree of `sections`.
  void set_up_views(std::vector<Section> sections, std::string path) {
    auto loaded = Templates::load(std::string(BDP_SOURCE_DIR) + "/assets/templates");
    ASSERT_TRUE(loaded) << loaded.error().message;
    templates = std::move(*loaded);
    views = std::make_unique<Views>(*templates);
    tree = std::make_unique<SectionTree>(std::move(sections));
    ctx.config = &config;
    ctx.sections = tree.get();
    ctx.path = std::move(path);
  }

  std::unique_ptr<Templates> templates;
  std::unique_ptr<Views> views;
  std::unique_ptr<SectionTree> tree;
  SiteConfig config;
  ViewContext ctx;
};

}  // namespace bdp::web::testing
