#include "http/multipart.h"

#include <gtest/gtest.h>

#include <fstream>
#include <iterator>

namespace bdp::http {
namespace {

class Multipart : public ::testing::Test {
 protected:
  void SetUp() override {
    dir_ = std::filesystem::temp_directory_path() /
           ("bdp-multipart-" + std::to_string(::testing::UnitTest::GetInstance()->random_seed()) +
            "-" + ::testing::UnitTest::GetInstance()->current_test_info()->name());
    ASSERT_TRUE(reset_spool(dir_));
  }
  void TearDown() override { std::filesystem::remove_all(dir_); }

  Result<MultipartForm> read(const std::string& body, const MultipartLimits& limits = {}) {
    const auto path = dir_ / "body";
    std::ofstream(path, std::ios::binary) << body;
    return read_multipart(path, "XyZ", dir_, limits);
  }
  static std::string contents(const std::filesystem::path& path) {
    std::ifstream in(path, std::ios::binary);
    return {std::istreambuf_iterator<char>(in), {}};
  }
  std::filesystem::path dir_;
};

std::string part(const std::string& head, const std::string& content) {
  return "--XyZ\r\n" + head + "\r\n\r\n" + content + "\r\n";
}

TEST_F(Multipart, SplitsFieldsFromFilesAndKeepsFileBytesExactly) {
  std::string binary("\0\r\n--Xy\r\n-", 10);
  for (int i = 0; i < 20000; ++i) binary += static_cast<char>(i * 7);
  const std::string body =
      "preamble\r\n" + part("Content-Disposition: form-data; name=\"csrf\"", "tok") +
      part(
          "Content-Disposition: form-data; name=\"plik\"; filename=\"Uchwała nr 1.pdf\"\r\n"
          "Content-Type: application/pdf",
          binary) +
      part("Content-Disposition: form-data; name=\"tytul\"", "Raport ą") + "--XyZ--\r\n";
  auto form = read(body);
  ASSERT_TRUE(form) << form.error().message;
  EXPECT_EQ(form_field(form->fields, "csrf"), "tok");
  EXPECT_EQ(form_field(form->fields, "tytul"), "Raport ą");
  ASSERT_EQ(form->files.size(), 1u);
  EXPECT_EQ(form->files[0].field, "plik");
  EXPECT_EQ(form->files[0].file_name, "Uchwała nr 1.pdf");
  EXPECT_EQ(form->files[0].content_type, "application/pdf");
  EXPECT_EQ(form->files[0].file->size(), binary.size());
  EXPECT_EQ(contents(form->files[0].file->path()), binary);
}

TEST_F(Multipart, AFileLargerThanABlockIsWrittenWhole) {
  std::string big(300 << 10, 'a');
  big[100000] = '\r';
  big[200000] = '-';
  auto form =
      read(part("Content-Disposition: form-data; name=\"f\"; filename=\"a.pdf\"", big) + "--XyZ--");
  ASSERT_TRUE(form) << form.error().message;
  ASSERT_EQ(form->files.size(), 1u);
  EXPECT_EQ(contents(form->files[0].file->path()), big);
}

TEST_F(Multipart, SpooledFilesAreRemovedWithTheirLastOwner) {
  std::filesystem::path path;
  {
    auto form =
        read(part("Content-Disposition: form-data; name=\"f\"; filename=\"a\"", "x") + "--XyZ--");
    ASSERT_TRUE(form);
    path = form->files.at(0).file->path();
    EXPECT_TRUE(std::filesystem::exists(path));
  }
  EXPECT_FALSE(std::filesystem::exists(path));
}

TEST_F(Multipart, RefusesMalformedBodies) {
  EXPECT_FALSE(read(""));
  EXPECT_FALSE(read("no boundary at all"));
  EXPECT_FALSE(read("--XyZ\r\nContent-Disposition: form-data; name=\"a\"\r\n\r\ncut"));
  EXPECT_FALSE(read(part("Content-Type: text/plain", "no disposition") + "--XyZ--"));
  EXPECT_FALSE(read(part("Content-Disposition: attachment; name=\"a\"", "x") + "--XyZ--"));
  EXPECT_FALSE(read(part("Content-Disposition: form-data; name=\"a\"", "\xff\xfe") + "--XyZ--"));
  EXPECT_FALSE(read("--XyZjunk"));
}

TEST_F(Multipart, EnforcesItsLimits) {
  MultipartLimits small;
  small.parts = 1;
  small.field_bytes = 4;
  const std::string two = part("Content-Disposition: form-data; name=\"a\"", "1") +
                          part("Content-Disposition: form-data; name=\"b\"", "2") + "--XyZ--";
  EXPECT_FALSE(read(two, small));
  EXPECT_FALSE(
      read(part("Content-Disposition: form-data; name=\"a\"", "12345") + "--XyZ--", small));
  EXPECT_TRUE(read(part("Content-Disposition: form-data; name=\"a\"", "1234") + "--XyZ--", small));
}

TEST(MultipartBoundary, ReadsTheBoundaryOfFormDataOnly) {
  EXPECT_EQ(multipart_boundary("multipart/form-data; boundary=----WebKit123"), "----WebKit123");
  EXPECT_EQ(multipart_boundary("Multipart/Form-Data; boundary=\"a b\""), "a b");
  EXPECT_FALSE(multipart_boundary("multipart/form-data"));
  EXPECT_FALSE(multipart_boundary("application/x-www-form-urlencoded; boundary=x"));
  EXPECT_FALSE(multipart_boundary("multipart/form-data; boundary=" + std::string(71, 'a')));
}

}  // namespace
}  // namespace bdp::http
