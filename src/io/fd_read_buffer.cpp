#include "io/fd_read_buffer.hpp"

#include <unistd.h>

#include <cerrno>
#include <ios>
#include <system_error>

namespace zhibiao::io {

FdReadBuffer::FdReadBuffer(int fd, bool owns_fd)
    : fd_(fd), owns_fd_(owns_fd), block_(std::make_unique_for_overwrite<char[]>(kBlockBytes)) {}

FdReadBuffer::~FdReadBuffer() {
  if (owns_fd_) ::close(fd_);
}

FdReadBuffer::int_type FdReadBuffer::underflow() {
  if (gptr() < egptr()) return traits_type::to_int_type(*gptr());
  ssize_t got;
  do got = ::read(fd_, block_.get(), kBlockBytes);
  while (got < 0 && errno == EINTR);
  if (got < 0) {
    int error = errno;
    std::ios_base::failure failure("read error", std::error_code(error, std::generic_category()));
    errno = error;  // for the reader's message, which reads errno after the stream fails
    throw failure;
  }
  if (got == 0) return traits_type::eof();
  setg(block_.get(), block_.get(), block_.get() + got);
  return traits_type::to_int_type(*gptr());
}

}  // namespace zhibiao::io
