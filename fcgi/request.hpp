#pragma once

#include <any>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "core/identity.hpp"

namespace mmx {

enum class Method { Get, Post, Put, Delete, Other };

// A route's method as HTTP names it (no route is of Method::Other).
inline const char* methodName(Method method) {
    switch (method) {
        case Method::Get:
            return "GET";
        case Method::Put:
            return "PUT";
        case Method::Delete:
            return "DELETE";
        default:
            return "POST";
    }
}

struct UploadedFile {
    std::string field;
    std::string filename;
    std::string contentType;  // as the client claimed it; never trusted
    std::string bytes;
};

// One parsed request as a handler sees it: no FastCGI types leak past here.
class Request {
  public:
    Method method = Method::Other;
    std::string path;
    std::string remoteAddr;
    std::string client;        // header `client`
    std::string uidHeader;     // header `uid`
    std::string tokenHeader;   // header `accessToken`
    std::string cookieHeader;  // header `Cookie` (the older phones' session)
    std::vector<std::pair<std::string, std::string>> params;
    std::vector<UploadedFile> files;
    std::optional<Identity> identity;
    // The body as a file nginx wrote (its FastCGI param MMX_BODY_FILE), for the one route
    // whose body is a large raw upload; empty otherwise. The worker removes it when the
    // request ends unless the handler moved it away.
    std::string bodyFile;

    const Identity& actor() const;

    // The first value of a parameter; nullopt when absent.
    std::optional<std::string_view> param(std::string_view name) const;
    // Every value of a repeated parameter, comma-separated values split too.
    std::vector<std::string> paramList(std::string_view name) const;
    const UploadedFile* file(std::string_view field) const;
};

}  // namespace mmx
