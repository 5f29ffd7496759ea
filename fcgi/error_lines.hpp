#pragma once

#include <streambuf>
#include <string>
#include <string_view>

namespace mmx {

// While it lives, every line written to std::cerr in this process leaves in one write()
// (so lines of several workers never interleave), and, while a request is served, begins
// with `rid=<its request id> `: the id nginx logs too, so one grep finds a request's
// access-log line, its request-log line and every error it caused.
class TaggedErrorLines : private std::streambuf {
  public:
    TaggedErrorLines();
    ~TaggedErrorLines() override;
    TaggedErrorLines(const TaggedErrorLines&) = delete;
    TaggedErrorLines& operator=(const TaggedErrorLines&) = delete;

    // The request being served; empty between requests.
    void setRequestId(std::string_view requestId);

  private:
    int overflow(int c) override;
    std::streamsize xsputn(const char* s, std::streamsize n) override;
    int sync() override;
    void put(char c);
    void writeLine();

    std::streambuf* previous_;
    std::string tag_;
    std::string line_;
};

}  // namespace mmx
