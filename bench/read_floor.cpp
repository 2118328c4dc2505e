// The floor under extract's time: read the input and split it into
// documents exactly as extract does (the same reader), then do nothing with
// them. bench/run.sh reports extract's time next to this one.
#include <fstream>
#include <iostream>

#include "io/document_reader.hpp"

int main(int argc, char** argv) {
  std::size_t documents = 0, bytes = 0;
  for (int i = 1; i < argc; ++i) {
    std::ifstream in(argv[i], std::ios::binary);
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
