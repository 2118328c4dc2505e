// The floor under extract's time: read the input and split it into
// documents exactly as extract does (the same reader and read buffer), then
// do nothing with them. bench/run.sh reports extract's time next to this one.
#include <fcntl.h>

#include <iostream>

#include "io/document_reader.hpp"
#include "io/fd_read_buffer.hpp"

int main(int argc, char** argv) {
  std::size_t documents = 0, bytes = 0;
  for (int i = 1; i < argc; ++i) {
    int fd = ::open(argv[i], O_RDONLY | O_CLOEXEC);
    if (fd < 0) {
      std::perror(argv[i]);
      return 2;
    }
    zhibiao::io::FdReadBuffer buffer(fd, /*owns_fd=*/true);
    std::istream in(&buffer);
    zhibiao::io::read_documents(
        in, argv[i], zhibiao::io::InputFormat::automatic,
        [&](zhibiao::Document&& d) {
          ++documents;
          bytes += d.text.size();
        },
        [](const zhibiao::io::InputError&) {});
  }
  std::cout << documents << " documents, " << bytes << " bytes of text\n";
}
