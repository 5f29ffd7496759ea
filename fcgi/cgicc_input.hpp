#pragma once

#include <cgicc/CgiInput.h>
#include <fcgiapp.h>

namespace mmx {

// cgicc reads its environment and body through CgiInput; Debian's cgicc ships no
// FastCGI adapter, so this one reads the request's own stream and params (never the
// process environment, which belongs to no request).
class FcgiCgiInput : public cgicc::CgiInput {
  public:
    explicit FcgiCgiInput(FCGX_Request& request) : request_(request) {}

    std::size_t read(char* data, std::size_t length) override;
    std::string getenv(const char* name) override;

  private:
    FCGX_Request& request_;
};

}  // namespace mmx
