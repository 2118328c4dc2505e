// A file descriptor read as a std::istream, a large block at a time.
//
// Why not std::ifstream: libstdc++'s file streams (and std::cin once
// sync_with_stdio(false)) read BUFSIZ, 8 KB, a system call, and a system
// call costs microseconds in a virtual machine: 200 MB of input took 24,000
// reads and 0.13 s, over half of the time to only read and split it
// (bench/read_floor.cpp); in blocks of 256 KB it took 0.06 s. A file
// stream's buffer can be enlarged only before it opens a file, and
// standard input's not at all, so both are read through this instead.
#pragma once

#include <memory>
#include <streambuf>

namespace zhibiao::io {

class FdReadBuffer : public std::streambuf {
 public:
  static constexpr std::size_t kBlockBytes = 256 * 1024;

  // Reads `fd`; closes it when done if `owns_fd`.
  FdReadBuffer(int fd, bool owns_fd);
  ~FdReadBuffer() override;
  FdReadBuffer(const FdReadBuffer&) = delete;
  FdReadBuffer& operator=(const FdReadBuffer&) = delete;

 protected:
  // The next block. A read error throws std::ios_base::failure with errno
  // left as read set it, as libstdc++'s file streams do: the stream sets
  // badbit, which the reader reports as a read error.
  int_type underflow() override;

 private:
  int fd_;
  bool owns_fd_;
  // Not zeroed: read() fills what is used, and a small file touches only
  // the pages it fills (a vector zeroed all 256 KB for every input).
  std::unique_ptr<char[]> block_;
};

}  // namespace zhibiao::io
