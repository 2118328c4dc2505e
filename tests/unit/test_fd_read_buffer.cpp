// extract reads its files and standard input through io::FdReadBuffer. It
// must hand on every byte in order whatever the block boundaries (a file
// larger than several blocks; a pipe, whose reads return what has been
// written so far), and a read error must fail the stream (badbit) with
// errno saying what went wrong, as the reader reports it.
#define BOOST_TEST_MODULE fd_read_buffer
#include <boost/test/unit_test.hpp>

#include <fcntl.h>
#include <unistd.h>

#include <cerrno>
#include <cstdio>
#include <istream>
#include <iterator>
#include <string>
#include <thread>

#include "io/document_reader.hpp"
#include "io/fd_read_buffer.hpp"

using namespace zhibiao;

namespace {

// Lines of different lengths, so that lines cross the blocks' boundaries.
std::string many_lines(std::size_t bytes) {
  std::string text;
  for (int i = 0; text.size() < bytes; ++i)
    text += std::to_string(i) + std::string(static_cast<std::size_t>(i % 97), i % 2 ? 'x' : '\xe5') + '\n';
  return text;
}

std::string read_all(int fd) {
  io::FdReadBuffer buffer(fd, /*owns_fd=*/true);
  std::istream in(&buffer);
  return std::string(std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>());
}

}  // namespace

BOOST_AUTO_TEST_CASE(a_file_of_several_blocks_is_read_whole_and_in_order) {
  std::string text = many_lines(3 * io::FdReadBuffer::kBlockBytes + 12345);
  std::FILE* file = std::tmpfile();
  BOOST_REQUIRE(file);
  BOOST_REQUIRE_EQUAL(std::fwrite(text.data(), 1, text.size(), file), text.size());
  std::fflush(file);
  int fd = ::dup(fileno(file));
  ::lseek(fd, 0, SEEK_SET);
  BOOST_TEST(read_all(fd) == text);
  std::fclose(file);
}

BOOST_AUTO_TEST_CASE(a_pipe_written_in_small_pieces_is_read_whole) {
  int ends[2];
  BOOST_REQUIRE_EQUAL(::pipe(ends), 0);
  std::string text = many_lines(400000);
  std::thread writer([&] {
    for (std::size_t at = 0; at < text.size(); at += 1000) {
      std::size_t n = std::min<std::size_t>(1000, text.size() - at);
      if (::write(ends[1], text.data() + at, n) != static_cast<ssize_t>(n)) break;
    }
    ::close(ends[1]);
  });
  std::string got = read_all(ends[0]);
  writer.join();
  BOOST_TEST(got == text);
}

BOOST_AUTO_TEST_CASE(lines_read_through_it_are_the_documents_written) {
  int ends[2];
  BOOST_REQUIRE_EQUAL(::pipe(ends), 0);
  std::thread writer([&] {
    std::string lines = "{\"id\":\"a\",\"text\":\"一\"}\n\n{\"id\":\"b\",\"text\":\"二\"}\n";
    if (::write(ends[1], lines.data(), lines.size()) < 0) std::perror("write");
    ::close(ends[1]);
  });
  io::FdReadBuffer buffer(ends[0], /*owns_fd=*/true);
  std::istream in(&buffer);
  std::string seen;
  io::read_documents(
      in, "-", io::InputFormat::automatic, [&](Document&& d) { seen += d.id + "=" + d.text + ";"; },
      [&](const io::InputError& e) { seen += "error " + e.message; });
  writer.join();
  BOOST_TEST(seen == "a=一;b=二;");
}

BOOST_AUTO_TEST_CASE(a_read_error_fails_the_stream_and_leaves_errno) {
  // read(2) on a directory fails with EISDIR.
  int fd = ::open(".", O_RDONLY | O_DIRECTORY);
  BOOST_REQUIRE(fd >= 0);
  io::FdReadBuffer buffer(fd, /*owns_fd=*/true);
  std::istream in(&buffer);
  errno = 0;
  in.peek();
  BOOST_TEST(in.bad());
  BOOST_TEST(errno == EISDIR);
}

BOOST_AUTO_TEST_CASE(an_fd_not_owned_stays_open) {
  int ends[2];
  BOOST_REQUIRE_EQUAL(::pipe(ends), 0);
  { io::FdReadBuffer buffer(ends[0], /*owns_fd=*/false); }
  BOOST_TEST(::fcntl(ends[0], F_GETFD) != -1);
  { io::FdReadBuffer buffer(ends[0], /*owns_fd=*/true); }
  BOOST_TEST(::fcntl(ends[0], F_GETFD) == -1);
  ::close(ends[1]);
}
