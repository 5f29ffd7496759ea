#pragma once

#include <cgicc/CgiInput.h>

#include <cstddef>
#include <string>
#include <string_view>
#include <unordered_map>

#include "fcgi/request.hpp"

namespace mmx {

// What one request may carry (MMX_MAX_PARAMS, MMX_MAX_REPEATS): every name/value pair
// and file counts, from the query string and the body together.
struct FormLimits {
    std::size_t maxParams = 1000;
    std::size_t maxRepeats = 500;  // values under one name
    std::size_t maxBodyBytes = 4 * 1024 * 1024;
};

// Takes parsed pairs and files into a request, refusing with ApiError BAD_PARAM the
// first one past a limit or whose name or value is not well-formed UTF-8 (so no route
// can echo bytes that would make its JSON answer invalid). File bytes are not checked.
class FormCollector {
  public:
    FormCollector(Request& request, const FormLimits& limits)
        : request_(request), limits_(limits) {}

    void addParam(std::string&& name, std::string&& value);
    void addFile(UploadedFile&& file);

  private:
    void count(const std::string& name);

    Request& request_;
    const FormLimits& limits_;
    std::size_t total_ = 0;
    std::unordered_map<std::string, std::size_t> perName_;
};

// Reads the query string and the body (of any method) behind `input` into the request's
// parameters and files. Throws ApiError for a limit or a malformed form (BAD_PARAM)
// and std::exception on a short read; the caller answers BAD_PARAM for that request.
void parseForm(cgicc::CgiInput& input, Request& request, const FormLimits& limits = {});

// The same from bytes in memory: `body` under `contentType`, then `query`.
// urlencoded bodies and query strings are parsed by parseUrlencoded, multipart bodies
// by cgicc behind the fences of fcgi/multipart.hpp, a JSON object's members as parameters
// by parseJsonMembers (arrays as a repeated name); other content types are ignored.
void parseFormData(std::string_view contentType, std::string_view body, std::string_view query,
                   Request& request, const FormLimits& limits = {});

}  // namespace mmx
