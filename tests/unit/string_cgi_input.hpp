#pragma once

#include <cgicc/CgiInput.h>

#include <cstring>
#include <map>
#include <string>

#include "fcgi/content_type.hpp"

namespace mmx::testing {

// A request held in memory, seen by cgicc the way FcgiCgiInput shows a FastCGI one.
class StringCgiInput : public cgicc::CgiInput {
  public:
    StringCgiInput(std::string method, std::string contentType, std::string body,
                   std::string query = "")
        : body_(std::move(body)) {
        env_["REQUEST_METHOD"] = std::move(method);
        env_["CONTENT_TYPE"] = normalizeContentType(contentType);
        env_["CONTENT_LENGTH"] = std::to_string(body_.size());
        env_["QUERY_STRING"] = std::move(query);
    }

    void setEnv(const std::string& name, std::string value) { env_[name] = std::move(value); }

    std::size_t read(char* data, std::size_t length) override {
        const std::size_t n = std::min(length, body_.size() - offset_);
        std::memcpy(data, body_.data() + offset_, n);
        offset_ += n;
        return n;
    }

    std::string getenv(const char* name) override {
        const auto found = env_.find(name);
        return found == env_.end() ? std::string() : found->second;
    }

  private:
    std::string body_;
    std::size_t offset_ = 0;
    std::map<std::string, std::string> env_;
};

}  // namespace mmx::testing
