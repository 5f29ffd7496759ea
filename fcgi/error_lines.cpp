#include "fcgi/error_lines.hpp"

#include <unistd.h>

#include <iostream>

namespace mmx {
namespace {

// A line longer than this is written in pieces rather than held.
constexpr std::size_t kMaxHeldLine = 4096;

}  // namespace

TaggedErrorLines::TaggedErrorLines() : previous_(std::cerr.rdbuf(this)) {}

TaggedErrorLines::~TaggedErrorLines() {
    writeLine();
    std::cerr.rdbuf(previous_);
}

void TaggedErrorLines::setRequestId(std::string_view requestId) {
    tag_ = requestId.empty() ? std::string() : "rid=" + std::string(requestId) + ' ';
}

int TaggedErrorLines::overflow(int c) {
    if (c != traits_type::eof()) put(static_cast<char>(c));
    return traits_type::not_eof(c);
}

std::streamsize TaggedErrorLines::xsputn(const char* s, std::streamsize n) {
    for (std::streamsize i = 0; i < n; ++i) put(s[i]);
    return n;
}

// std::cerr flushes after every <<: a line is written only when it is whole.
int TaggedErrorLines::sync() {
    return 0;
}

void TaggedErrorLines::put(char c) {
    if (line_.empty()) line_ = tag_;
    line_ += c;
    if (c == '\n' || line_.size() >= kMaxHeldLine) writeLine();
}

void TaggedErrorLines::writeLine() {
    if (line_.empty()) return;
    if (::write(STDERR_FILENO, line_.data(), line_.size()) < 0) {
        // Nowhere left to report it.
    }
    line_.clear();
}

}  // namespace mmx
