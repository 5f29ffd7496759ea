#pragma once

#include <string>
#include <string_view>

namespace mmx {

// cgicc finds the multipart boundary with a case-sensitive search for `boundary=` and
// takes the rest of the header verbatim, so a quoted boundary (RFC 2046 allows one)
// would never match the body. Returns the header with the parameter name lower-cased
// and the boundary unquoted; other content types are returned unchanged.
std::string normalizeContentType(std::string_view contentType);

}  // namespace mmx
