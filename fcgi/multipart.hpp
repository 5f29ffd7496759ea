#pragma once

#include <cstddef>
#include <string>
#include <string_view>

namespace mmx {

// multipart/form-data stays with cgicc, whose parse is linear once the boundary is
// short: it finds each delimiter with std::string::find, whose cost is the body's size
// times the delimiter's length. These are the fences put before it.

// The boundary of a (normalized) multipart content type, as cgicc will take it: after
// `boundary=` up to a ';'. Throws ApiError BAD_PARAM unless it is 1 to 70 characters
// (RFC 2046) of printable ASCII.
std::string multipartBoundary(std::string_view contentType);

// How many parts cgicc will find: the occurrences of "--boundary\r\n" in the body,
// counted in one linear pass (glibc's memmem is two-way).
std::size_t countMultipartParts(std::string_view body, std::string_view boundary);

}  // namespace mmx
